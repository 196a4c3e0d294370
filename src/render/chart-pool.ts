/**
 * Charts rendered on a pool of worker threads (`--jobs N`, default: the available cores). Each
 * worker loads Vega once and renders the measures it is sent; results come back in input order,
 * so the files are the same as a single-threaded run. Small batches render in-process, where a
 * worker's start-up (loading Vega, ~200 ms) would cost more than it saves.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { MeasureRecord } from '../model/document.js';

export interface RenderedChart {
  readonly svg: string;
  readonly png: Uint8Array | null;
}

export interface ChartTask {
  readonly id: number;
  readonly measure: MeasureRecord;
  readonly png: boolean;
}

export const defaultJobs = (): number => Math.max(1, availableParallelism());

/** Charts per worker below which rendering stays in this thread. */
const MIN_PER_WORKER = 12;

export async function renderCharts(
  measures: readonly MeasureRecord[],
  options: { jobs?: number; png?: boolean; onChart?: () => void } = {},
): Promise<RenderedChart[]> {
  const png = options.png ?? false;
  const jobs = Math.min(options.jobs ?? defaultJobs(), Math.floor(measures.length / MIN_PER_WORKER));
  if (jobs <= 1) {
    const { renderChartSvg } = await import('./chart.js');
    const toPng = png ? (await import('./png.js')).svgToPng : null;
    const out: RenderedChart[] = [];
    for (const m of measures) {
      const svg = await renderChartSvg(m);
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
              const task: ChartTask = { id, measure: measures[id], png };
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
