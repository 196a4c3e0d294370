/** A chart worker thread (see chart-pool.ts): renders each measure it is sent. */
import { parentPort } from 'node:worker_threads';
import { renderChartSvg } from './chart.js';
import type { ChartTask } from './chart-pool.js';

let toPng: ((svg: string) => Uint8Array) | null = null;

parentPort!.on('message', async (task: ChartTask) => {
  try {
    const svg = await renderChartSvg(task.measure, { renderer: task.renderer });
    if (task.png && !toPng) toPng = (await import('./png.js')).svgToPng;
    const png = task.png ? toPng!(svg) : null;
    parentPort!.postMessage({ id: task.id, svg, png }, png ? [png.buffer as ArrayBuffer] : []);
  } catch (e) {
    parentPort!.postMessage({ id: task.id, svg: '', png: null, error: (e as Error).stack ?? String(e) });
  }
});
