/**
 * The terminal summary: one row per measure. Colour (chalk) follows the MDC palette; the caller
 * decides whether colour is on (off when stdout is not a TTY, with --no-color or NO_COLOR).
 */
import { Chalk } from 'chalk';
import type { MeasureRecord } from '../model/document.js';
import { terminalIconWords } from './vocabulary.js';

/** Rounds for display only (JSON and CSV keep full precision): 4 significant digits, at most 2 decimals past the point. */
export function formatNumber(v: number | null): string {
  if (v === null) return '-';
  if (v === 0) return '0';
  const abs = Math.abs(v);
  const decimals = abs >= 1000 ? 0 : abs >= 100 ? 1 : abs >= 1 ? 2 : Math.min(6, 2 - Math.floor(Math.log10(abs)));
  const s = v.toFixed(decimals);
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

export function summaryTable(measures: readonly MeasureRecord[], colour: boolean): string {
  const c = new Chalk({ level: colour ? 1 : 0 });
  const paint = (icon: string, s: string) =>
    icon.startsWith('improvement') ? c.cyan(s) : icon.startsWith('concern') ? c.yellow(s) : icon.startsWith('neutral') ? c.magenta(s) : s;
  const header = ['Measure', 'Chart', 'Latest', 'Value', 'Centre', 'LCL', 'UCL', 'Latest point', 'Signals in chart'];
  const rows = measures.map((m) => {
    const s = m.summary;
    const counts = Object.entries(s.signalCounts).map(([k, v]) => `${k} ${v}`).join(', ');
    return [
      m.measure, m.chart, s.latestPeriod ?? '-', formatNumber(s.latestValue), formatNumber(s.centre), formatNumber(s.lcl),
      formatNumber(s.ucl), terminalIconWords(s.variationIcon) + (s.latestSignals.length ? `: ${s.latestSignals.join(', ')}` : ''),
      counts || 'none',
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const numeric = new Set([3, 4, 5, 6]);
  const fmt = (r: string[]) => r.map((cell, i) => (numeric.has(i) ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ').trimEnd();
  const out = [c.bold(fmt(header)), widths.map((w) => '-'.repeat(w)).join('  ')];
  rows.forEach((r, k) => {
    const text = fmt(r);
    out.push(paint(measures[k].summary.variationIcon, text));
  });
  return out.join('\n') + '\n';
}
