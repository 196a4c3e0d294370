export * from './types.js';
export { mean, median, movingRanges, screenMovingRanges } from './stats.js';
export { xmrLimits, type XmrLimits, type XmrSettings, type XmrSigma } from './xmr.js';
export { outsideLimits, trend, shift, alternating, nearLimit, HIGH, LOW, type RuleFrame, type Flags } from './rules.js';
export { PRESETS, PRESET_DESCRIPTIONS, OVERRIDES, preset, applyOverride, enabledRules, RuleOptionError } from './presets.js';
export { classifyPoint, variationIcon, assuranceIcon, betterSide } from './variation.js';
export { analyseXmr, planPhases } from './analyse.js';
