/**
 * Beyond one sigma: in a window of `window` consecutive points, `count` or more strictly beyond the
 * same one-sigma line (Western Electric rule 3 and Nelson test 5: 4 of 5). The counting is
 * near-limit's (near-limit.ts) on the one-sigma lines.
 */
import type { NearLimitRule } from '../types.js';
import type { RuleDefinition } from './definition.js';
import { kOfM } from './values.js';
import { kOfMWords, nearLimit } from './near-limit.js';

const FOUR_OF_FIVE: NearLimitRule = { count: 4, window: 5, beyondLimitCounts: true, windowSameSide: false };

export const NEAR_LIMIT_1SIGMA: RuleDefinition<'nearLimit1Sigma'> = {
  name: 'near-limit-1sigma',
  signals: [{ id: 'near-limit-1sigma', label: 'beyond one sigma', directional: true }],
  presets: {
    default: { nearLimit1Sigma: null },
    mdc: { nearLimit1Sigma: null },
    ptd: { nearLimit1Sigma: null },
    'western-electric': { nearLimit1Sigma: FOUR_OF_FIVE },
    nelson: { nearLimit1Sigma: FOUR_OF_FIVE },
    anhoej: { nearLimit1Sigma: null },
  },
  enabled: (r) => r.nearLimit1Sigma !== null,
  window: (r) => r.nearLimit1Sigma?.window ?? null,
  test: (frame, r, spans) => [['near-limit-1sigma', nearLimit(frame, r.nearLimit1Sigma!, 1, spans?.('near-limit-1sigma'))]],
  describe: (r) => kOfMWords(r.nearLimit1Sigma, 'one-sigma'),
  overrides: [
    {
      name: 'near-limit-1sigma',
      values: 'KofM, e.g. 4of5 | off',
      apply: (r, v) => ({ ...r, nearLimit1Sigma: kOfM('near-limit-1sigma', v, r.nearLimit1Sigma ?? FOUR_OF_FIVE) }),
    },
  ],
};
