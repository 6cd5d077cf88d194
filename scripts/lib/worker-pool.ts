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

/** Worker processes started ahead of their tasks, so that they load their module meanwhile. */
export interface WorkerPool<Task, Result> {
  /** Results in task order; one run at a time. */
  run(tasks: readonly Task[]): Promise<Result[]>;
  /** Starts `count` more workers, which take part from the next run on. */
  add(count: number): void;
  /** Ends the processes. */
  stop(): void;
}

/**
 * Starts `count` workers of the module, with these options for Node. The module's default
 * export answers one task (see ingest-worker.ts); tasks and results travel by structured clone.
 */
export function startWorkers<Task, Result>(
  module: URL,
  count = defaultWorkers(),
  nodeOptions: readonly string[] = [],
): WorkerPool<Task, Result> {
  const spawn = () => {
    const worker = fork(BOOT, [module.href], { execArgv: [...nodeOptions], serialization: 'advanced' });
    const state: { pending?: { resolve: (value: Result) => void; reject: (error: Error) => void } } = {};
    worker.on('message', (message) => state.pending?.resolve(message as Result));
    worker.on('error', (error) => state.pending?.reject(error));
    worker.on('exit', (code) => state.pending?.reject(new Error(`worker stopped (exit code ${code})`)));
    return { worker, state };
  };
  const workers = Array.from({ length: Math.max(1, count) }, spawn);
  /** Tasks of one run at a time: a run asked for while another is going waits for it. */
  const dispatch = async (tasks: readonly Task[]): Promise<Result[]> => {
    const results = new Array<Result>(tasks.length);
    let nextTask = 0;
    await Promise.all(
      workers.map(async ({ worker, state }) => {
        try {
          for (let index = nextTask++; index < tasks.length; index = nextTask++) {
            results[index] = await new Promise<Result>((resolve, reject) => {
              state.pending = { resolve, reject };
              worker.send(tasks[index] as object);
            });
          }
        } finally {
          delete state.pending;
        }
      }),
    );
    return results;
  };
  let running: Promise<unknown> | undefined;
  return {
    run(tasks) {
      // The first run's tasks are sent at once, before the caller goes on with other work.
      const run = running ? running.catch(() => undefined).then(() => dispatch(tasks)) : dispatch(tasks);
      running = run;
      return run;
    },
    add(more) {
      for (let index = 0; index < more; index++) workers.push(spawn());
    },
    stop() {
      for (const { worker } of workers) worker.kill();
    },
  };
}

/** Runs the tasks in workers started for them (see startWorkers); results in task order. */
export async function runInWorkers<Task, Result>(
  module: URL,
  tasks: readonly Task[],
  count = defaultWorkers(),
): Promise<Result[]> {
  if (tasks.length === 0) return [];
  const pool = startWorkers<Task, Result>(module, Math.min(count, tasks.length));
  try {
    return await pool.run(tasks);
  } finally {
    pool.stop();
  }
}
