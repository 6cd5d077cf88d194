// @ts-check
/**
 * A render worker: loads the compiled site once and renders the paths it is sent,
 * writing each page to its file. One runs per core. Plain JavaScript because worker
 * threads do not inherit tsx's TypeScript loader.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';

/** @typedef {{ path: string; file: string }} RenderJob */
/** @typedef {{ path: string; ok: boolean; error?: string }} RenderReply */

const { entry, site } = /** @type {{ entry: string; site: string }} */ (workerData);
/** @type {{ render: (request: Request) => Promise<Response> }} */
const { render } = await import(pathToFileURL(entry).href);

/** @param {RenderJob} job @returns {Promise<RenderReply>} */
async function renderOne(job) {
  try {
    const response = await render(new Request(new URL(job.path, site)));
    const body = new Uint8Array(await response.arrayBuffer());
    const expected = job.path.endsWith('/404') ? 404 : 200;
    if (response.status !== expected) return { path: job.path, ok: false, error: `status ${response.status}` };
    await mkdir(path.dirname(job.file), { recursive: true });
    await writeFile(job.file, body);
    return { path: job.path, ok: true };
  } catch (error) {
    return {
      path: job.path,
      ok: false,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    };
  }
}

parentPort?.on('message', async (/** @type {RenderJob[]} */ jobs) => {
  const replies = [];
  for (const job of jobs) replies.push(await renderOne(job));
  parentPort?.postMessage(replies);
});
parentPort?.postMessage('ready');
