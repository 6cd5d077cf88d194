/**
 * Runs tasks on worker threads, one per core: each worker loads its module once (and with
 * it, say, nodejieba's dictionary) and answers one task per message, in order.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';

const BOOT = new URL('./worker-boot.mjs', import.meta.url);

export function defaultWorkers(): number {
  return Math.max(1, Math.min(2, os.availableParallelism()));
}

/** Results in task order. The module must answer each message with one reply (see ingest-worker.ts). */
export async function runInWorkers<Task, Result>(
  module: URL,
  tasks: readonly Task[],
  count = defaultWorkers(),
): Promise<Result[]> {
  const results = new Array<Result>(tasks.length);
  let nextTask = 0;
  const runners = Array.from({ length: Math.min(count, tasks.length) }, async () => {
    const worker = new Worker(BOOT, { workerData: { module: module.href } });
    let pending: { resolve: (value: Result) => void; reject: (error: Error) => void } | undefined;
    worker.on('message', (message: Result) => pending?.resolve(message));
    worker.on('error', (error) => pending?.reject(error));
    worker.on('exit', (code) => pending?.reject(new Error(`worker stopped (exit code ${code})`)));
    try {
      for (let index = nextTask++; index < tasks.length; index = nextTask++) {
        results[index] = await new Promise<Result>((resolve, reject) => {
          pending = { resolve, reject };
          worker.postMessage(tasks[index]);
        });
      }
    } finally {
      pending = undefined;
      await worker.terminate();
    }
  });
  await Promise.all(runners);
  return results;
}
