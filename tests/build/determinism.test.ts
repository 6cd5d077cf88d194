/**
 * Rebuilding the same pages gives the same bytes: a fresh build of seeds/ into an empty
 * folder, with an empty cache, writes exactly the dist/ that `npm run build` keeps up to
 * date incrementally (no timestamps, random ids or order that depends on timing).
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { buildFolders, runBuild } from '../helpers/build';
import { differingFiles, filesOf } from '../helpers/files';
import { DIST } from '../helpers/dist';

describe('two builds of the same pages', () => {
  let fresh: string;

  beforeAll(async () => {
    const folders = await buildFolders('rebuild-');
    fresh = folders.out;
    await runBuild(folders);
  });

  test('write the same files, byte for byte', async () => {
    const files = await filesOf(DIST);
    expect(await filesOf(fresh)).toEqual(files);
    expect(await differingFiles(DIST, fresh, files)).toEqual([]);
  });
});
