/**
 * The build's worker processes: a stage starts few of them when it has little to do, and more
 * once it knows it has much (a day's render needs one; a whole site's, every core).
 */
import { afterEach, expect, test } from 'vitest';
import { startWorkers, type WorkerPool } from '../../scripts/lib/worker-pool';

const MODULE = new URL('../fixtures/workers/which-process.mjs', import.meta.url);
let pool: WorkerPool<number, { task: number; pid: number }> | undefined;
afterEach(() => pool?.stop());

test('workers added to a pool take part in its next run, and results keep the order of the tasks', async () => {
  pool = startWorkers(MODULE, 1);
  const alone = await pool.run([1, 2, 3, 4]);
  expect(alone.map(({ task }) => task)).toEqual([1, 2, 3, 4]);
  expect(new Set(alone.map(({ pid }) => pid)).size).toBe(1);

  pool.add(2);
  const together = await pool.run(Array.from({ length: 12 }, (_, index) => index));
  expect(together.map(({ task }) => task)).toEqual(Array.from({ length: 12 }, (_, index) => index));
  expect(new Set(together.map(({ pid }) => pid)).size).toBe(3);
});
