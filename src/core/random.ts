/**
 * Seeded random numbers for the false-alarm simulation (simulate.ts): uniforms from xoshiro128**,
 * and normal and Poisson deviates drawn from them. The same seed always gives the same stream.
 */
import { logGamma } from './constants.js';

/** A source of uniform numbers in [0, 1). */
export type Uniform = () => number;

const rotl = (x: number, k: number) => (x << k) | (x >>> (32 - k));

/**
 * xoshiro128** (Blackman & Vigna 2018): 128 bits of state, period 2^128 - 1, 32-bit outputs.
 * The state is filled from the seed with the splitmix32 finaliser, so nearby seeds give unrelated
 * streams. Returns uniforms in [0, 1) on a grid of 2^-32.
 */
export function createRng(seed: number): Uniform {
  let x = seed >>> 0;
  const splitmix = (): number => {
    x = (x + 0x9e3779b9) | 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) | 0;
  };
  let s0 = splitmix();
  let s1 = splitmix();
  let s2 = splitmix();
  let s3 = splitmix();
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1; // the all-zero state is a fixed point
  return () => {
    const out = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return out / 4294967296;
  };
}

/** Standard normal deviates by Marsaglia's polar method (each accepted pair gives two). */
export function normalSampler(u: Uniform): () => number {
  let spare = 0;
  let hasSpare = false;
  return () => {
    if (hasSpare) {
      hasSpare = false;
      return spare;
    }
    let a: number;
    let b: number;
    let s: number;
    do {
      a = 2 * u() - 1;
      b = 2 * u() - 1;
      s = a * a + b * b;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    spare = b * f;
    hasSpare = true;
    return a * f;
  };
}

/**
 * Poisson(mean) deviates by inversion, enumerating the outcomes outward from the mode (mode,
 * mode + 1, mode - 1, mode + 2, ...): exact for any mean, about 1.6 sqrt(mean) steps per draw.
 */
export function poissonSampler(u: Uniform, mean: number): () => number {
  if (!(mean > 0) || !Number.isFinite(mean)) throw new RangeError(`Poisson mean must be positive and finite, got ${mean}`);
  const mode = Math.floor(mean);
  const pMode = Math.exp(-mean + mode * Math.log(mean) - logGamma(mode + 1));
  return () => {
    const target = u();
    let cum = pMode;
    if (target < cum) return mode;
    let up = mode;
    let pUp = pMode;
    let down = mode;
    let pDown = pMode;
    for (;;) {
      up++;
      pUp *= mean / up;
      cum += pUp;
      if (target < cum) return up;
      if (down > 0) {
        pDown *= down / mean;
        down--;
        cum += pDown;
        if (target < cum) return down;
      }
      // Rounding can leave the total a hair under 1: stop once both tails are exhausted.
      if (pUp < 1e-300 && (down === 0 || pDown < 1e-300)) return mode;
    }
  };
}
