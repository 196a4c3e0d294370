export * from './types.js';
export { mean, median, movingRanges, screenMovingRanges } from './stats.js';
export { c4, d2, d3, a2, a3, b3, b4, dd3, dd4, logGamma } from './constants.js';
export { CHARTS, CHART_TYPES, companionOf, type ChartType, type SeriesData, type PhaseStats, type ChartSettings } from './charts/index.js';
export {
  outsideLimits, trend, shift, alternating, alternatingUpDown, nearLimit, hugging, mixture, runsOf, longestRunMax, crossingsMin,
  HIGH, LOW, type RuleFrame, type Flags,
} from './rules.js';
export { PRESETS, PRESET_DESCRIPTIONS, OVERRIDES, preset, applyOverride, enabledRules, RuleOptionError } from './presets.js';
export { classifyPoint, variationIcon, assuranceIcon, betterSide } from './variation.js';
export { analyse, analyseColumns, analyseXmr, planPhases, type ColumnarAnalysis } from './analyse.js';
