/** A worker thread of the ingest: parses the page files it is sent (see ingest.ts). */
import { parentPort } from 'node:worker_threads';
import config from '../../archive.config';
import { ingestToCache, type IngestTask } from './ingest';

parentPort?.on('message', async (task: IngestTask) => {
  parentPort?.postMessage(await ingestToCache(task, config));
});
