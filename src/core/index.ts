export * from './types.js';
export { mean, median, movingRanges, screenMovingRanges } from './stats.js';
export { c4, d2, d3, a2, a3, b3, b4, dd3, dd4, logGamma, D2_INDIVIDUALS, D4_INDIVIDUALS, E2, MEDIAN_MR_FACTOR, LANEY_D2, T_POWER } from './constants.js';
export { CHARTS, CHART_TYPES, companionOf, type ChartType, type SeriesData, type PhaseStats, type ChartSettings } from './charts/index.js';
export {
  RULES, SIGNALS, isDirectional, outsideLimits, trend, shift, alternating, alternatingUpDown, nearLimit, hugging, mixture, runsOf, longestRunMax, crossingsMin,
  HIGH, LOW, type RuleFrame, type Flags, type RuleDefinition, type RuleSignal, type SpanSink,
} from './rules/index.js';
export { PRESETS, PRESET_DESCRIPTIONS, OVERRIDES, preset, applyOverride, enabledRules, describeRules, isPresetName, RuleOptionError } from './presets.js';
export { classifyPoint, variationIcon, assuranceIcon, betterSide } from './variation.js';
export { analyse, analyseColumns, analyseXmr, planPhases, type ColumnarAnalysis } from './analyse.js';
