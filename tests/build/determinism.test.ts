/**
 * Rebuilding the same pages gives the same bytes: a fresh build of seeds/ into an empty
 * folder, with an empty cache, writes exactly the dist/ that `npm run build` keeps up to
 * date incrementally (no timestamps, random ids or order that depends on timing).
 */
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, test } from 'vitest';
import { differingFiles, filesOf } from '../helpers/files';
import { DIST } from '../helpers/dist';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('two builds of the same pages', () => {
  let fresh: string;

  beforeAll(async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'rebuild-'));
    fresh = path.join(work, 'dist');
    await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'scripts/build.ts', '--out', fresh, '--cache', path.join(work, 'cache')],
      { cwd: ROOT },
    );
  });

  test('write the same files, byte for byte', async () => {
    const files = await filesOf(DIST);
    expect(await filesOf(fresh)).toEqual(files);
    expect(await differingFiles(DIST, fresh, files)).toEqual([]);
  });
});
