// Starts a worker thread on a TypeScript module: worker threads do not inherit tsx's loader,
// so register it here, then load the module named in workerData.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
