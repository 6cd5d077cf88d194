/**
 * Runs tasks in worker processes, one per core: each loads its module once (and with it,
 * say, nodejieba's dictionary) and answers one task at a time. Processes, not threads: when
 * a stage ends its workers exit and give their memory back, so the build's later stages
 * (the search shards above all) have it.
 */
import { fork } from 'node:child_process';
import os from 'node:os';

const BOOT = new URL('./worker-boot.mjs', import.meta.url);

export function defaultWorkers(): number {
  return Math.max(1, Math.min(2, os.availableParallelism()));
}

/**
 * Results in task order. The module's default export answers one task (see
 * ingest-worker.ts); tasks and results travel by structured clone.
 */
export async function runInWorkers<Task, Result>(
  module: URL,
  tasks: readonly Task[],
  count = defaultWorkers(),
): Promise<Result[]> {
  const results = new Array<Result>(tasks.length);
  let nextTask = 0;
  const runners = Array.from({ length: Math.min(count, tasks.length) }, async () => {
    const worker = fork(BOOT, [module.href], { execArgv: [], serialization: 'advanced' });
    let pending: { resolve: (value: Result) => void; reject: (error: Error) => void } | undefined;
    worker.on('message', (message) => pending?.resolve(message as Result));
    worker.on('error', (error) => pending?.reject(error));
    worker.on('exit', (code) => pending?.reject(new Error(`worker stopped (exit code ${code})`)));
    try {
      for (let index = nextTask++; index < tasks.length; index = nextTask++) {
        results[index] = await new Promise<Result>((resolve, reject) => {
          pending = { resolve, reject };
          worker.send(tasks[index] as object);
        });
      }
    } finally {
      pending = undefined;
      worker.kill();
    }
  });
  await Promise.all(runners);
  return results;
}
