/**
 * The SPC chart of one measure: an NHS "Making Data Count" style XmR chart as a Vega-Lite spec
 * (`chartSpec`, pure, data inline) and as a static SVG string (`renderChartSvg`, headless Vega).
 *
 * Vega and Vega-Lite are imported lazily, on the first render, so commands that draw no chart do
 * not pay for loading them. Rendering is deterministic: text is measured with a fixed width
 * table (never a `canvas` package), every scale and date format is UTC, and nothing depends on
 * the current time, locale or time zone.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Side, Variation } from '../core/types.js';
import type { MeasureRecord, PointRecord } from './document.js';

export interface ChartOptions {
  /** Display multiplier for values and lines (e.g. 100 to show a proportion as a percentage). */
  readonly multiply?: number;
}

/** Making Data Count colours for each kind of variation. */
export const VARIATION_COLOURS: Readonly<Record<Variation, string>> = {
  'common-cause': '#A6A6A6',
  improvement: '#00B0F0',
  concern: '#E46C0A',
  neutral: '#490092',
};

const VARIATION_ORDER: readonly Variation[] = ['common-cause', 'improvement', 'concern', 'neutral'];

const VARIATION_LABELS: Readonly<Record<Variation, string>> = {
  'common-cause': 'Common cause',
  improvement: 'Improvement',
  concern: 'Concern',
  neutral: 'Neutral',
};

/** Marker shapes: colour is never the only cue for a signal. */
const SHAPES = { common: 'circle', high: 'triangle-up', low: 'triangle-down', other: 'diamond' } as const;

/** Legend key of a point: its variation and, for a signal, the side it is on. */
function keyOf(variation: Variation, side: Side | null): string {
  if (variation === 'common-cause') return VARIATION_LABELS[variation];
  return side ? `${VARIATION_LABELS[variation]} (${side})` : VARIATION_LABELS[variation];
}

function shapeOf(variation: Variation, side: Side | null): string {
  if (variation === 'common-cause') return SHAPES.common;
  return side === 'high' ? SHAPES.high : side === 'low' ? SHAPES.low : SHAPES.other;
}

export const FONT_FAMILY = 'Arial, Helvetica, sans-serif';
const SERIES_COLOUR = '#7f7f7f';
const LINE_COLOUR = '#3f3f3f';
const PLOT_WIDTH = 720;
const PLOT_HEIGHT = 320;
/** ISO dates are read as UTC midnight, whatever the machine's time zone. */
const DATE_PARSE = "utc:'%Y-%m-%d'";

const DIRECTION_TEXT: Readonly<Record<string, string>> = {
  'higher-is-better': 'higher is better',
  'lower-is-better': 'lower is better',
  neutral: 'no preferred direction',
};

/** "XmR" for the chart id `xmr`, otherwise the id as given. */
function chartName(m: MeasureRecord): string {
  return m.chart.toLowerCase() === 'xmr' ? 'XmR' : m.chart;
}

/** One row of the chart's inline data. */
interface ChartRow {
  period: string;
  date: string;
  value: number | null;
  centre: number | null;
  ucl: number | null;
  lcl: number | null;
  upper2: number | null;
  lower2: number | null;
  phase: number;
  variation: Variation;
  key: string;
  signals: string;
  label: string;
}

/** Scale for display, trimming float noise such as 0.07 * 100 = 7.000000000000001. */
function scaler(k: number): (v: number | null) => number | null {
  if (k === 1) return (v) => v;
  return (v) => (v === null ? null : Number((v * k).toPrecision(12)));
}

/** A short, stable number format for descriptions (not for the axes, which Vega formats). */
function fmt(v: number): string {
  return String(Number(v.toPrecision(6)));
}

function rows(m: MeasureRecord, k: number): ChartRow[] {
  const s = scaler(k);
  return m.points.map((p: PointRecord) => {
    const centre = s(p.centre);
    const two = (v: number | null) => (v === null ? null : Number(s(v)!.toPrecision(15)));
    const value = s(p.value);
    const signals = p.signals.join(', ');
    const label =
      value === null
        ? `${p.period}: missing`
        : `${p.period}: ${fmt(value)}, ${VARIATION_LABELS[p.variation].toLowerCase()}` + (signals ? ` (${signals})` : '');
    return {
      period: p.period,
      date: p.date,
      value,
      centre,
      ucl: s(p.ucl),
      lcl: s(p.lcl),
      upper2: two(p.upper2sigma),
      lower2: two(p.lower2sigma),
      phase: p.phase,
      variation: p.variation,
      key: keyOf(p.variation, p.side),
      signals,
      label,
    };
  });
}

/** A sentence for screen readers: what the chart is and which points signal. */
export function chartDescription(m: MeasureRecord, opts: ChartOptions = {}): string {
  const k = opts.multiply ?? 1;
  const s = scaler(k);
  const n = m.summary.n;
  const head = `${chartName(m)} chart of ${m.measure}: ${n} observed point${n === 1 ? '' : 's'}` +
    (m.points.length ? ` from ${m.points[0].period} to ${m.points[m.points.length - 1].period}` : '') +
    `, ${m.phases.length} phase${m.phases.length === 1 ? '' : 's'}, ${DIRECTION_TEXT[m.direction] ?? m.direction}.`;
  const signalled = m.points.filter((p) => p.signals.length > 0);
  if (signalled.length === 0) return `${head} No signals: common-cause variation only.`;
  const parts = signalled.map((p) => {
    const v = s(p.value);
    return `${p.period}${v === null ? '' : ` (${fmt(v)})`} ${p.variation === 'common-cause' ? 'signal' : p.variation}: ${p.signals.join(', ')}`;
  });
  return `${head} Signals: ${parts.join('; ')}.`;
}

/** d3 time format for the x axis, from the span of the dates. */
function dateFormat(m: MeasureRecord): string {
  if (m.points.length < 2) return '%-d %b %Y';
  const first = Date.parse(m.points[0].date);
  const last = Date.parse(m.points[m.points.length - 1].date);
  const days = Math.abs(last - first) / 86_400_000;
  return days < 200 ? '%-d %b %Y' : '%b %Y';
}

/**
 * The Vega-Lite (v6) spec of the chart: series line and points coloured and shaped by variation,
 * centre line, dashed control limits and faint two-sigma lines drawn per phase.
 */
export function chartSpec(m: MeasureRecord, opts: ChartOptions = {}): TopLevelSpec {
  const k = opts.multiply ?? 1;
  const values = rows(m, k);
  const yTitle = m.unit ? m.unit : 'Value';
  // One legend for colour and shape: the variation/side combinations present, in a fixed order.
  const legend: { key: string; colour: string; shape: string }[] = [];
  for (const v of VARIATION_ORDER) {
    for (const side of [null, 'high', 'low'] as const) {
      const key = keyOf(v, side);
      if (legend.some((l) => l.key === key)) continue;
      if (values.some((r) => r.value !== null && r.key === key) || (v === 'common-cause' && side === null)) {
        legend.push({ key, colour: VARIATION_COLOURS[v], shape: shapeOf(v, side) });
      }
    }
  }
  const keys = legend.map((l) => l.key);

  const x = {
    field: 'date',
    type: 'temporal',
    scale: { type: 'utc', padding: 12 },
    title: null,
    axis: { format: dateFormat(m), labelAngle: 0, tickCount: 8, labelOverlap: true, grid: false },
  } as const;
  const y = (field: string) =>
    ({ field, type: 'quantitative', title: yTitle, scale: { zero: false, nice: true, padding: 6 } }) as const;
  const detail = { field: 'phase', type: 'ordinal' } as const;

  /** A limit line drawn separately for each phase, broken where its value is null. */
  const limitLine = (field: keyof ChartRow, style: Record<string, unknown>) => ({
    mark: { type: 'line', invalid: 'break-paths-show-domains', interpolate: 'linear', aria: false, ...style },
    encoding: { x, y: y(field), detail },
  });

  const phaseStarts: { date: string; phase: number }[] = [];
  for (let i = 1; i < m.points.length; i++) {
    if (m.points[i].phase !== m.points[i - 1].phase) phaseStarts.push({ date: m.points[i].date, phase: m.points[i].phase });
  }

  const subtitleParts = [
    `${chartName(m)} chart`,
    DIRECTION_TEXT[m.direction] ?? m.direction,
    `preset ${m.rules.preset}`,
  ];
  if (k !== 1) subtitleParts.push(`values \u00d7 ${k}`);
  if (m.section) subtitleParts.unshift(m.section);

  const layers: unknown[] = [
    limitLine('upper2', { stroke: '#9a9a9a', strokeWidth: 0.75, strokeDash: [2, 3], opacity: 0.7 }),
    limitLine('lower2', { stroke: '#9a9a9a', strokeWidth: 0.75, strokeDash: [2, 3], opacity: 0.7 }),
    limitLine('ucl', { stroke: LINE_COLOUR, strokeWidth: 1.25, strokeDash: [6, 4] }),
    limitLine('lcl', { stroke: LINE_COLOUR, strokeWidth: 1.25, strokeDash: [6, 4] }),
    limitLine('centre', { stroke: LINE_COLOUR, strokeWidth: 1.5 }),
    {
      // The series: joined across phase starts, broken at missing values.
      mark: { type: 'line', invalid: 'break-paths-show-domains', stroke: SERIES_COLOUR, strokeWidth: 1.5, aria: false },
      encoding: { x, y: y('value') },
    },
    {
      mark: { type: 'point', filled: true, opacity: 1, stroke: 'white', strokeWidth: 0.5, invalid: 'filter' },
      encoding: {
        x,
        y: y('value'),
        color: {
          field: 'key',
          type: 'nominal',
          title: 'Variation',
          scale: { domain: keys, range: legend.map((l) => l.colour) },
          legend: { title: 'Variation' },
        },
        shape: {
          field: 'key',
          type: 'nominal',
          title: 'Variation',
          scale: { domain: keys, range: legend.map((l) => l.shape) },
          legend: { title: 'Variation' },
        },
        size: { condition: { test: "datum.variation !== 'common-cause'", value: 90 }, value: 36 },
        description: { field: 'label', type: 'nominal' },
      },
    },
  ];
  if (phaseStarts.length) {
    layers.unshift({
      data: { values: phaseStarts, format: { parse: { date: DATE_PARSE } } },
      mark: { type: 'rule', stroke: '#bdbdbd', strokeWidth: 1, strokeDash: [1, 2], aria: false },
      encoding: { x },
    });
  }

  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: chartDescription(m, opts),
    title: {
      text: m.measure,
      subtitle: subtitleParts.join(' \u00b7 '),
      anchor: 'start',
      limit: PLOT_WIDTH,
    },
    width: PLOT_WIDTH,
    height: PLOT_HEIGHT,
    background: 'white',
    padding: 8,
    data: { values, format: { parse: { date: DATE_PARSE } } },
    layer: layers,
    resolve: { scale: { y: 'shared' } },
    config: {
      font: FONT_FAMILY,
      view: { stroke: null },
      title: { fontSize: 15, subtitleFontSize: 11, subtitleColor: '#555555', offset: 12 },
      axis: { labelFontSize: 11, titleFontSize: 12, labelColor: '#333333', titleColor: '#333333', gridColor: '#eeeeee' },
      legend: { orient: 'bottom', direction: 'horizontal', columnPadding: 16, labelFontSize: 11, titleFontSize: 11, symbolStrokeWidth: 0.5 },
      point: { size: 36 },
    },
  };
  return spec as unknown as TopLevelSpec;
}

// ---------------------------------------------------------------------------------------------
// Rendering

type VegaModule = typeof import('vega');
type VegaLiteModule = typeof import('vega-lite');

let modules: Promise<{ vega: VegaModule; vl: VegaLiteModule }> | null = null;

/** Load Vega and Vega-Lite once, on first use, and install the fixed text metrics. */
function load(): Promise<{ vega: VegaModule; vl: VegaLiteModule }> {
  modules ??= Promise.all([import('vega'), import('vega-lite')]).then(([vega, vl]) => {
    const metrics = (vega as unknown as { textMetrics: { width: (item: TextItem, text: unknown) => number } }).textMetrics;
    metrics.width = textWidth;
    return { vega, vl };
  });
  return modules;
}

/**
 * Advance widths of ASCII 32..126 in Helvetica / Arial (1/1000 em, the standard AFM metrics).
 * Bold text is estimated from these with a fixed factor.
 */
// prettier-ignore
const ASCII_WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space ! " # $ % & ' ( ) * + , - . /
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0-9 : ; < = > ?
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ A-O
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P-Z [ \ ] ^ _
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` a-o
  556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p-z { | } ~
];
const OTHER_WIDTH = 600;
const WIDE_WIDTH = 1000;
const BOLD_FACTOR = 1.08;
/** Headroom for fonts a little wider than Arial (e.g. DejaVu Sans where Arial is missing). */
const SAFETY = 1.05;

interface TextItem {
  fontSize?: number | string;
  fontWeight?: number | string;
  limit?: number;
}

/** Width in 1/1000 em of one code point. */
function charWidth(cp: number): number {
  if (cp >= 32 && cp <= 126) return ASCII_WIDTHS[cp - 32];
  if (cp === 0xb7 || cp === 0x2022) return 278; // middle dot, bullet (approximately)
  if (cp === 0x2026) return 1000; // ellipsis
  if (cp >= 0x1100 && (cp <= 0x115f || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0x1f300 && cp <= 0x1faff) || (cp >= 0x20000 && cp <= 0x3fffd))) {
    return WIDE_WIDTH;
  }
  return OTHER_WIDTH;
}

/**
 * Deterministic replacement for Vega's text measurement (installed as `vega.textMetrics.width`):
 * same numbers on every machine, whether or not a `canvas` package is installed.
 */
export function textWidth(item: TextItem, text: unknown): number {
  const size = item.fontSize != null ? +item.fontSize || 0 : 11;
  const s = text == null ? '' : String(text).trim();
  if (size <= 0 || !s) return 0;
  let units = 0;
  for (const ch of s) units += charWidth(ch.codePointAt(0) ?? 0);
  const w = item.fontWeight;
  const bold = w === 'bold' || w === 'bolder' || (w != null && +w >= 600);
  const width = Math.round(((units * size) / 1000) * (bold ? BOLD_FACTOR : 1) * SAFETY * 100) / 100;
  // Vega truncates text longer than `limit` itself (asking this function for the pieces); the
  // width of text that will be truncated is at most the limit.
  const limit = item.limit ?? 0;
  return limit > 0 && width > limit ? limit : width;
}

function escapeXml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * The chart as a standalone SVG document. The root `<svg>` carries `role="img"`, an
 * `aria-label` with the title, and `<title>`/`<desc>` children with the description sentence.
 */
export async function renderChartSvg(m: MeasureRecord, opts: ChartOptions = {}): Promise<string> {
  const { vega, vl } = await load();
  const compiled = vl.compile(chartSpec(m, opts)).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  let svg: string;
  try {
    vega.resetSVGDefIds();
    svg = await view.toSVG();
  } finally {
    view.finalize();
  }
  const description = chartDescription(m, opts);
  const a11y =
    `<title>${escapeXml(m.measure)}</title><desc>${escapeXml(description)}</desc>`;
  return svg.replace(/^<svg\b([^>]*)>/, (_all, attrs: string) =>
    `<svg${attrs} role="img" aria-label="${escapeXml(m.measure)}">${a11y}`,
  );
}
