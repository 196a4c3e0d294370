/**
 * Charts rendered on a pool of worker threads (`--jobs N`, default: the available cores). Each
 * worker renders the measures it is sent; results come back in input order, so the files are the
 * same as a single-threaded run. Small batches render in-process, where a worker's start-up would
 * cost more than it saves: with Vega (~200 ms to load) or PNGs, below 12 charts a worker; with the
 * direct SVG writer alone (about a millisecond a chart, less than sending a measure to a worker)
 * always.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { MeasureRecord } from '../model/document.js';
import type { ChartRenderer } from './chart.js';

export interface RenderedChart {
  readonly svg: string;
  readonly png: Uint8Array | null;
}

export interface ChartTask {
  readonly id: number;
  readonly measure: MeasureRecord;
  readonly png: boolean;
  readonly renderer: ChartRenderer;
}

export const defaultJobs = (): number => Math.max(1, availableParallelism());

/** Charts per worker below which rendering stays in this thread. */
const MIN_PER_WORKER = 12;

export async function renderCharts(
  measures: readonly MeasureRecord[],
  options: { jobs?: number; png?: boolean; renderer?: ChartRenderer; onChart?: () => void } = {},
): Promise<RenderedChart[]> {
  const png = options.png ?? false;
  const renderer = options.renderer ?? 'svg';
  const workerWorth = png || renderer === 'vega';
  const jobs = workerWorth ? Math.min(options.jobs ?? defaultJobs(), Math.floor(measures.length / MIN_PER_WORKER)) : 1;
  if (jobs <= 1) {
    const { renderChartSvg } = await import('./chart.js');
    const toPng = png ? (await import('./png.js')).svgToPng : null;
    const out: RenderedChart[] = [];
    for (const m of measures) {
      const svg = await renderChartSvg(m, { renderer });
      out.push({ svg, png: toPng ? toPng(svg) : null });
      options.onChart?.();
    }
    return out;
  }
  const results: RenderedChart[] = new Array(measures.length);
  let next = 0;
  const workers = Array.from({ length: jobs }, () => new Worker(new URL('./chart-worker.js', import.meta.url)));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              if (next >= measures.length) return resolve();
              const id = next++;
              const task: ChartTask = { id, measure: measures[id], png, renderer };
              worker.postMessage(task);
            };
            worker.on('message', (msg: { id: number; svg: string; png: Uint8Array | null; error?: string }) => {
              if (msg.error) return reject(new Error(msg.error));
              results[msg.id] = { svg: msg.svg, png: msg.png };
              options.onChart?.();
              send();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => {
              if (code !== 0) reject(new Error(`chart worker stopped with exit code ${code}`));
            });
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
