/**
 * The layers of a chart's Vega-Lite spec, one small builder for each kind of mark, in drawing
 * order: phase-start rules, the lines of each phase, the target, the series and its points, the
 * annotations, the phase labels and the labels right of the plot. Text is placed in pixels
 * computed by the layout (chart-labels.ts), with no scale.
 */
import { DATE_PARSE, fmt, type LegendEntry } from './chart-data.js';
import type { EdgeLabel, NoteLabel, PhaseLabel } from './chart-labels.js';
import {
  LABEL_GREY,
  LEGEND_TITLE_TEXT,
  LINE_STYLES,
  NOTE_COLOUR,
  SERIES_COLOUR,
  SMALL_FONT,
  TARGET_COLOUR,
  TARGET_DASH,
  X_PAD,
  Y_PAD,
  type LineField,
} from './chart-style.js';

export type Layer = Record<string, unknown>;

/** The channels the layers share: the time axis, the value axis, phases and pixel positions. */
export interface Encodings {
  readonly x: object;
  y(field: string): object;
  readonly detail: object;
  /** Pixel positions computed by the layout: no scale. */
  px(field: string): object;
  /** 'step' (d3's curveStep) when the lines vary from point to point, else 'linear'. */
  readonly interpolate: 'step' | 'linear';
}

/**
 * The shared channels. The y domain is the model's (nice, computed for the label layout), or
 * Vega's own when nothing is drawn; 'step' changes level halfway between two points, so each
 * point sits in the middle of the flat stretch at its own limit, first and last points included.
 */
export function encodings(domain: readonly [number, number] | null, xFormat: string, yTitle: string, step: boolean): Encodings {
  const x = {
    field: 'date',
    type: 'temporal',
    scale: { type: 'utc', padding: X_PAD },
    title: null,
    axis: { format: xFormat, labelAngle: 0, tickCount: 8, labelOverlap: true, grid: false },
  } as const;
  const yScale = domain ? { domain, zero: false, nice: false } : { zero: false, nice: true, padding: Y_PAD };
  return {
    x,
    y: (field) => ({ field, type: 'quantitative', title: yTitle, scale: yScale }),
    detail: { field: 'phase', type: 'ordinal' },
    px: (field) => ({ field, type: 'quantitative', scale: null }),
    interpolate: step ? 'step' : 'linear',
  };
}

/** A faint vertical rule at the first date of each phase after the first. */
export function phaseRuleLayers(starts: readonly { date: string; phase: number }[], enc: Encodings): Layer[] {
  if (!starts.length) return [];
  return [
    {
      name: 'phase-rules',
      data: { values: starts.map((s) => ({ date: s.date, phase: s.phase })), format: { parse: { date: DATE_PARSE } } },
      mark: { type: 'rule', stroke: '#bdbdbd', strokeWidth: 1, strokeDash: [1, 2], aria: false },
      encoding: { x: enc.x },
    },
  ];
}

/** Each drawn line (two-sigma lines, limits, centre) per phase, broken where its value is null. */
export function lineLayers(drawn: readonly LineField[], enc: Encodings): Layer[] {
  return drawn.map((field) => ({
    name: field,
    mark: { type: 'line', invalid: 'break-paths-show-domains', interpolate: enc.interpolate, aria: false, ...LINE_STYLES[field] },
    encoding: { x: enc.x, y: enc.y(field), detail: enc.detail },
  }));
}

/** The target: a dot-dash rule across the plot. */
export function targetLayers(target: number | null, enc: Encodings): Layer[] {
  if (target === null) return [];
  return [
    {
      name: 'target',
      data: { values: [{ target, label: `Target ${fmt(target)}` }] },
      mark: { type: 'rule', stroke: TARGET_COLOUR, strokeWidth: 1.5, strokeDash: TARGET_DASH, aria: false },
      encoding: { y: enc.y('target') },
    },
  ];
}

/** The series line, and its points coloured and shaped by variation (one legend for both). */
export function seriesLayers(legend: readonly LegendEntry[], enc: Encodings): Layer[] {
  const keys = legend.map((l) => l.key);
  const byVariation = (range: string[]) => ({ field: 'key', type: 'nominal', title: LEGEND_TITLE_TEXT, scale: { domain: keys, range }, legend: { title: LEGEND_TITLE_TEXT } });
  return [
    {
      // The series: joined across phase starts, broken at missing values.
      name: 'series',
      mark: { type: 'line', invalid: 'break-paths-show-domains', stroke: SERIES_COLOUR, strokeWidth: 1.5, aria: false },
      encoding: { x: enc.x, y: enc.y('value') },
    },
    {
      name: 'points',
      mark: { type: 'point', filled: true, opacity: 1, stroke: 'white', strokeWidth: 0.5, invalid: 'filter' },
      encoding: {
        x: enc.x,
        y: enc.y('value'),
        color: byVariation(legend.map((l) => l.colour)),
        shape: byVariation(legend.map((l) => l.shape)),
        size: { condition: { test: "datum.variation !== 'common-cause'", value: 90 }, value: 36 },
        description: { field: 'label', type: 'nominal' },
      },
    },
  ];
}

/** Small text with a white halo under it, so it stays readable over lines. */
function haloText(name: string, data: object[], style: Record<string, unknown>, encoding: Record<string, unknown>): Layer[] {
  return [
    {
      name: `${name}-halo`,
      data: { values: data },
      mark: { type: 'text', fontSize: SMALL_FONT, align: 'left', aria: false, fill: 'white', stroke: 'white', strokeWidth: 3, strokeJoin: 'round', strokeOpacity: 0.9, ...style },
      encoding,
    },
    {
      name,
      data: { values: data },
      mark: { type: 'text', fontSize: SMALL_FONT, align: 'left', aria: false, ...style },
      encoding,
    },
  ];
}

/** The marks of the annotations: rings round annotated points, crosses in gaps, leaders. */
function noteMarkLayers(notes: readonly NoteLabel[], enc: Encodings): Layer[] {
  const layers: Layer[] = [];
  const marked = notes.filter((n) => n.value !== null);
  if (marked.length) {
    layers.push({
      // A ring round each annotated point.
      name: 'note-markers',
      data: { values: marked.map((n) => ({ date: n.date, value: n.value })), format: { parse: { date: DATE_PARSE } } },
      mark: { type: 'point', shape: 'circle', filled: false, stroke: NOTE_COLOUR, strokeWidth: 1, size: 170, aria: false },
      encoding: { x: enc.x, y: enc.y('value') },
    });
  }
  const gaps = notes.filter((n) => n.value === null);
  if (gaps.length) {
    layers.push({
      // A small grey cross in the gap left by an annotated missing value.
      name: 'note-gaps',
      data: { values: gaps.map((n) => ({ period: n.period, x: n.anchor.x, y: n.anchor.y })) },
      mark: { type: 'point', shape: 'M-1,-1L1,1M-1,1L1,-1', filled: false, stroke: LABEL_GREY, strokeWidth: 1.25, size: 30, aria: false },
      encoding: { x: enc.px('x'), y: enc.px('y') },
    });
  }
  const leaders = notes.filter((n) => n.leader).map((n) => n.leader!);
  if (leaders.length) {
    layers.push({
      name: 'note-leaders',
      data: { values: leaders },
      mark: { type: 'rule', stroke: LABEL_GREY, strokeWidth: 0.75, aria: false },
      encoding: { x: enc.px('x'), y: enc.px('y'), x2: { field: 'x2' }, y2: { field: 'y2' } },
    });
  }
  return layers;
}

/** The annotations: their marks, then their text. */
export function noteLayers(notes: readonly NoteLabel[], enc: Encodings): Layer[] {
  if (!notes.length) return [];
  const text = haloText(
    'notes',
    notes.map((n) => ({ period: n.period, note: n.note, text: n.text, x: n.x, y: n.y })),
    { baseline: 'middle', fill: NOTE_COLOUR },
    { x: enc.px('x'), y: enc.px('y'), text: { field: 'text' } },
  );
  return [...noteMarkLayers(notes, enc), ...text];
}

/** The phase labels along the top of the plot. */
export function phaseLabelLayers(labels: readonly PhaseLabel[], enc: Encodings): Layer[] {
  if (!labels.length) return [];
  return haloText(
    'phase-labels',
    labels.map((l) => ({ phase: l.phase, label: l.label, text: l.text, x: l.x, y: l.y })),
    { baseline: 'top', fill: LABEL_GREY },
    { x: enc.px('x'), y: enc.px('y'), text: { field: 'text' } },
  );
}

/**
 * One layer per label right of the plot, each with a fixed colour: a colour encoding here would
 * split the variation legend in two.
 */
export function edgeLabelLayers(labels: readonly EdgeLabel[], enc: Encodings): Layer[] {
  return labels.map((l) => ({
    name: l.name,
    data: { values: [{ text: l.text, x: l.x, y: l.y }] },
    mark: { type: 'text', fontSize: SMALL_FONT, align: 'left', baseline: 'middle', fill: l.colour, aria: false },
    encoding: { x: enc.px('x'), y: enc.px('y'), text: { field: 'text' } },
  }));
}
