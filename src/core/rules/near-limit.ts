/**
 * Near a limit: in a window of `rule.window` consecutive points, `rule.count` or more lie strictly
 * beyond the same two-sigma line (Western Electric rule 2, 2 of 3; MDC and NHSRplotthedots, 2 of 3;
 * the plan's "three in succession beyond two sigma", 3 of 3). Only the counted points are flagged.
 * `beyondLimitCounts = false` (MDC, NHSRplotthedots) does not count a point beyond the control
 * limit; `windowSameSide` (MDC) requires every point of the window to be strictly on that side of
 * the centre line. `nearLimit` with zone 1 is the one-sigma version (near-limit-1sigma.ts).
 */
import type { NearLimitRule, RuleSet } from '../types.js';
import type { RuleDefinition } from './definition.js';
import { HIGH, LOW, type Flags, type RuleFrame, type SpanSink } from './frame.js';
import { kOfM, onOff } from './values.js';

/** Per point: does it count on the high (low) side, and is it above (below) the centre line? */
function counted(frame: RuleFrame, rule: NearLimitRule, zone: 1 | 2) {
  const n = frame.length;
  const upper = zone === 2 ? frame.upper2 : frame.upper1;
  const lower = zone === 2 ? frame.lower2 : frame.lower1;
  const high = new Uint8Array(n);
  const low = new Uint8Array(n);
  const above = new Uint8Array(n);
  const below = new Uint8Array(n);
  for (let j = 0; j < n; j++) {
    const v = frame.value[j];
    high[j] = v > upper[j] && (rule.beyondLimitCounts || v <= frame.ucl[j]) ? 1 : 0;
    low[j] = v < lower[j] && (rule.beyondLimitCounts || v >= frame.lcl[j]) ? 1 : 0;
    above[j] = v > frame.centre[j] ? 1 : 0;
    below[j] = v < frame.centre[j] ? 1 : 0;
  }
  return { high, low, above, below };
}

/**
 * Spans of one side: windows that fire and overlap the previous firing window make one span, from
 * its first to its last counted point.
 */
class WindowSpans {
  private open: { from: number; to: number; windowEnd: number } | null = null;
  constructor(
    private readonly sink: SpanSink | undefined,
    private readonly side: number,
  ) {}

  fire(windowStart: number, windowEnd: number, first: number, last: number): void {
    if (!this.sink) return;
    const o = this.open;
    if (o && windowStart <= o.windowEnd) {
      o.to = Math.max(o.to, last);
      o.windowEnd = windowEnd;
      return;
    }
    this.flush();
    this.open = { from: first, to: last, windowEnd };
  }

  flush(): void {
    if (this.open) this.sink?.add(this.open.from, this.open.to, this.side);
    this.open = null;
  }
}

/** Flags the counted points of a firing window [from, to]; reports the window to its side's spans. */
function fire(flags: Flags, count: Uint8Array, from: number, to: number, side: number, spans: WindowSpans): void {
  let first = -1;
  let last = -1;
  for (let j = from; j <= to; j++) {
    if (!count[j]) continue;
    flags[j] |= side > 0 ? HIGH : LOW;
    if (first < 0) first = j;
    last = j;
  }
  spans.fire(from, to, first, last);
}

export function nearLimit(frame: RuleFrame, rule: NearLimitRule, zone: 1 | 2 = 2, sink?: SpanSink): Flags {
  const n = frame.length;
  const flags = new Uint8Array(n);
  const m = rule.window;
  // Locals, not fields: the loop below calls `fire`, after which fields would be read again.
  const { high, low, above, below } = counted(frame, rule, zone);
  const highSpans = new WindowSpans(sink, 1);
  const lowSpans = new WindowSpans(sink, -1);
  // Sliding sums over the window, restarted at each segment break.
  let segStart = 0;
  let hi = 0;
  let lo = 0;
  let up = 0;
  let down = 0;
  for (let i = 0; i < n; i++) {
    if (i === 0 || frame.breakBefore[i]) {
      segStart = i;
      hi = lo = up = down = 0;
    }
    hi += high[i];
    lo += low[i];
    up += above[i];
    down += below[i];
    const from = i - m + 1;
    if (from > segStart) {
      const out = from - 1;
      hi -= high[out];
      lo -= low[out];
      up -= above[out];
      down -= below[out];
    }
    if (from < segStart) continue;
    if (hi >= rule.count && (!rule.windowSameSide || up === m)) fire(flags, high, from, i, 1, highSpans);
    if (lo >= rule.count && (!rule.windowSameSide || down === m)) fire(flags, low, from, i, -1, lowSpans);
  }
  highSpans.flush();
  lowSpans.flush();
  return flags;
}

/** Words for a k-of-m rule in `spc rules`. */
export function kOfMWords(nl: NearLimitRule | null, zone: string): string {
  if (nl === null) return 'off';
  return (
    `${nl.count} of ${nl.window} beyond the same ${zone} line` +
    (nl.beyondLimitCounts ? ', a point beyond the limit counts' : ', a point beyond the limit does not count') +
    (nl.windowSameSide ? ', whole window on one side of the centre line' : '')
  );
}

/** The plan's reading, the base of `--rule near-limit...` when the preset has the rule off. */
const PLAN: NearLimitRule = { count: 3, window: 3, beyondLimitCounts: true, windowSameSide: true };
const TWO_OF_THREE_MDC: NearLimitRule = { count: 2, window: 3, beyondLimitCounts: false, windowSameSide: true };
const TWO_OF_THREE_WE: NearLimitRule = { count: 2, window: 3, beyondLimitCounts: true, windowSameSide: false };
const base = (r: RuleSet) => r.nearLimit ?? PLAN;

export const NEAR_LIMIT: RuleDefinition<'nearLimit'> = {
  name: 'near-limit',
  signals: [{ id: 'near-limit', label: 'close to a limit', directional: true }],
  presets: {
    default: { nearLimit: PLAN },
    mdc: { nearLimit: TWO_OF_THREE_MDC },
    ptd: { nearLimit: TWO_OF_THREE_MDC },
    'western-electric': { nearLimit: TWO_OF_THREE_WE },
    nelson: { nearLimit: TWO_OF_THREE_WE },
    anhoej: { nearLimit: null },
  },
  enabled: (r) => r.nearLimit !== null,
  window: (r) => r.nearLimit?.window ?? null,
  test: (frame, r, spans) => [['near-limit', nearLimit(frame, r.nearLimit!, 2, spans?.('near-limit'))]],
  describe: (r) => kOfMWords(r.nearLimit, 'two-sigma'),
  overrides: [
    { name: 'near-limit', values: 'KofM, e.g. 2of3 | off', apply: (r, v) => ({ ...r, nearLimit: kOfM('near-limit', v, base(r)) }) },
    {
      name: 'near-limit-beyond-limit',
      values: 'counts | ignored (whether a point beyond the limit counts towards near-limit)',
      apply: (r, v) => ({ ...r, nearLimit: { ...base(r), beyondLimitCounts: onOff('near-limit-beyond-limit', v, ['counts'], ['ignored']) } }),
    },
    {
      name: 'near-limit-same-side',
      values: 'window | counted (which points must share a side of the centre line)',
      apply: (r, v) => ({ ...r, nearLimit: { ...base(r), windowSameSide: onOff('near-limit-same-side', v, ['window'], ['counted']) } }),
    },
  ],
};
