/**
 * A generated archive of 2,000 articles (gen:corpus), built in full, then again after one
 * more day of pages arrives: the second build reads only the new pages, and what it
 * writes is byte for byte what a full build of the same pages writes. The article count
 * of the site is the corpus's.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, test } from 'vitest';
import { ROOT, runBuild } from '../helpers/build';
import type { BuildReport } from '../../scripts/lib/build-archive';
import { differingFiles, filesOf } from '../helpers/files';
import { htmlFiles } from '../../scripts/lib/verify-site';
import { decodeCbor, type CborValue } from '../../scripts/lib/cbor';

const run = promisify(execFile);

async function build(seeds: string, out: string, cache: string): Promise<BuildReport> {
  const report = path.join(cache, '..', `${path.basename(out)}-report.json`);
  await runBuild({ seeds, out, cache, flags: ['--report', report] });
  return JSON.parse(await readFile(report, 'utf8')) as BuildReport;
}

async function generate(args: string[]): Promise<void> {
  await run(process.execPath, ['--import', 'tsx', 'scripts/gen-corpus.ts', ...args], { cwd: ROOT });
}

async function expectedArticles(corpus: string): Promise<number> {
  const counts = JSON.parse(await readFile(path.join(corpus, 'expected.json'), 'utf8')) as Record<string, number>;
  return Object.values(counts).reduce((sum, count) => sum + count, 0);
}

describe('an archive of 2,000 articles, and one more day', () => {
  let work: string;
  let corpus: string;
  let full: BuildReport;
  let incremental: BuildReport;
  let fresh: BuildReport;
  let before: number;
  let after: number;
  /** Each shard's folder of word index chunks after the full build. */
  let chunkFoldersBefore: Map<string, string[]>;

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'scale-'));
    corpus = path.join(work, 'corpus');
    await generate(['--articles', '2000', '--seed', '7', '--out', corpus]);
    before = await expectedArticles(corpus);
    full = await build(path.join(corpus, 'seeds'), path.join(work, 'dist'), path.join(work, 'cache'));
    chunkFoldersBefore = await chunkFolders(path.join(work, 'dist'));
    await generate(['--append-day', '--seed', '7', '--out', corpus]);
    after = await expectedArticles(corpus);
    incremental = await build(path.join(corpus, 'seeds'), path.join(work, 'dist'), path.join(work, 'cache'));
    fresh = await build(path.join(corpus, 'seeds'), path.join(work, 'fresh-dist'), path.join(work, 'fresh-cache'));
  }, 600_000);

  test('the full build reads every page and finds every article the corpus holds', () => {
    expect(full.articles).toBe(before);
    expect(full.pagesParsed).toBe(full.pageFiles);
  });

  test('after one more day, only the new pages are parsed and one search shard rebuilt', () => {
    expect(incremental.pageFiles - full.pageFiles).toBeGreaterThan(0);
    expect(incremental.pagesParsed).toBe(incremental.pageFiles - full.pageFiles);
    expect(incremental.searchShardsRebuilt).toBe(1);
    expect(incremental.rendered).toBeLessThan(full.rendered / 5);
    expect(incremental.articles).toBe(after);
  });

  test('the incremental build writes exactly what a full build of the same pages writes', async () => {
    const [updated, rebuilt] = [path.join(work, 'dist'), path.join(work, 'fresh-dist')];
    const files = await filesOf(rebuilt);
    expect(await filesOf(updated)).toEqual(files);
    expect(await differingFiles(updated, rebuilt, files)).toEqual([]);
    expect(fresh.articles).toBe(after);
  });

  test('the site has a page for every article of the corpus', async () => {
    const dist = path.join(work, 'dist');
    const exported = JSON.parse(await readFile(path.join(dist, 'api/articles.json'), 'utf8')) as unknown[];
    expect(exported).toHaveLength(after);
    const articlePages = (await htmlFiles(dist)).filter((file) =>
      /^[a-z]+\/\d{4}-\d{2}-\d{2}\/[^/]+\/\d+\/index\.html$/u.test(file),
    );
    expect(articlePages).toHaveLength(after);
  });

  test('a word searched costs a few kilobytes per search shard, not a 34 KB chunk', async () => {
    const bundles = path.join(work, 'dist', 'pagefind');
    const sizes: number[] = [];
    for (const shard of await readdir(bundles)) {
      const chunks = path.join(bundles, shard, 'index');
      for (const chunk of await readdir(chunks, { recursive: true, withFileTypes: true }))
        if (chunk.isFile()) sizes.push((await stat(path.join(chunk.parentPath, chunk.name))).size);
    }
    sizes.sort((a, b) => a - b);
    expect(sizes.length).toBeGreaterThan(100);
    expect(sizes[Math.floor(sizes.length / 2)]).toBeLessThan(8 * 1024);
  });

  test('the metadata names each word chunk by its number, in a folder that changes with the shard', async () => {
    const dist = path.join(work, 'dist');
    const after = await chunkFolders(dist);
    for (const [shard, folders] of after) {
      expect(folders, shard).toHaveLength(1);
      const bundle = path.join(dist, 'pagefind', shard);
      const metaFile = (await readdir(bundle)).find((name) => name.endsWith('.pf_meta'))!;
      const meta = decodeCbor(gunzipSync(await readFile(path.join(bundle, metaFile))).subarray(12)) as CborValue[];
      const listed = (meta[2] as string[][]).map((chunk) => chunk[2]!);
      expect(listed).toEqual(listed.map((_, number) => `${folders[0]}/${number.toString(36)}`));
      const files = await readdir(path.join(bundle, 'index', folders[0]!));
      expect(files.sort()).toEqual(listed.map((name) => `${name.split('/')[1]}.pf_index`).sort());
    }
    // One more day rebuilt the newest shard only: its chunks moved to a new folder, the others kept theirs.
    const changed = [...after].filter(([shard, folders]) => chunkFoldersBefore.get(shard)?.[0] !== folders[0]);
    expect(changed.map(([shard]) => shard)).toEqual([[...after.keys()].sort().at(-1)]);
  });
});

async function chunkFolders(dist: string): Promise<Map<string, string[]>> {
  const bundles = path.join(dist, 'pagefind');
  const folders = new Map<string, string[]>();
  for (const shard of await readdir(bundles)) folders.set(shard, await readdir(path.join(bundles, shard, 'index')));
  return folders;
}
