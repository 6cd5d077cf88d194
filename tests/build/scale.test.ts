/**
 * A generated archive of 2,000 articles (gen:corpus) from 20 December, so that its search
 * index has two shards (a new year begins a shard), built in full, then again after one
 * more day of pages arrives: the second build reads only the new pages, rebuilds only the
 * newest shard and writes only the end of the word index's files, and what it writes is
 * byte for byte what a full build of the same pages writes. The article count of the site
 * is the corpus's.
 */
import { execFile } from 'node:child_process';
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, test } from 'vitest';
import { ROOT, runBuild } from '../helpers/build';
import type { BuildReport } from '../../scripts/lib/build-archive';
import { differingFiles, filesOf } from '../helpers/files';
import { htmlFiles } from '../../scripts/lib/verify-site';
import type { SearchIndexInfo } from '../../src/lib/search/index-info';
import { POSTINGS_DIR } from '../../src/lib/search/postings';
import { planSegments } from '../../src/lib/search/records';
import { runFolder } from '../helpers/run-folder';

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
  /** The word index's segments after the full build. */
  let segmentsBefore: string[];

  beforeAll(async () => {
    work = await runFolder('scale-');
    corpus = path.join(work, 'corpus');
    await generate(['--articles', '2000', '--seed', '7', '--from', '2016-12-20', '--out', corpus]);
    before = await expectedArticles(corpus);
    full = await build(path.join(corpus, 'seeds'), path.join(work, 'dist'), path.join(work, 'cache'));
    segmentsBefore = await readdir(path.join(work, 'dist', POSTINGS_DIR));
    await generate(['--append-day', '--seed', '7', '--out', corpus]);
    after = await expectedArticles(corpus);
    incremental = await build(path.join(corpus, 'seeds'), path.join(work, 'dist'), path.join(work, 'cache'));
    fresh = await build(path.join(corpus, 'seeds'), path.join(work, 'fresh-dist'), path.join(work, 'fresh-cache'));
  }, 600_000);

  test('the full build reads every page and finds every article the corpus holds', () => {
    expect(full.articles).toBe(before);
    expect(full.pagesParsed).toBe(full.pageFiles);
  });

  test('after one more day, only the new pages are parsed and exported, and one search shard rebuilt', () => {
    expect(incremental.pageFiles - full.pageFiles).toBeGreaterThan(0);
    expect(incremental.pagesParsed).toBe(incremental.pageFiles - full.pageFiles);
    expect(full.exportPagesSerialised).toBe(full.pageFiles);
    expect(incremental.exportPagesSerialised).toBe(incremental.pageFiles - full.pageFiles);
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

  test('a word searched costs one file of a few kilobytes per segment of the word index', async () => {
    const info = JSON.parse(await readFile(path.join(work, 'dist', 'search', 'index.json'), 'utf8')) as SearchIndexInfo;
    expect(info.segments).toHaveLength(planSegments(info.shards).length);
    const sizes: number[] = [];
    for (const segment of info.segments) {
      const files = await readdir(path.join(work, 'dist', POSTINGS_DIR, segment.id));
      expect(files).toHaveLength(segment.files);
      for (const file of files) sizes.push((await stat(path.join(work, 'dist', POSTINGS_DIR, segment.id, file))).size);
    }
    sizes.sort((a, b) => a - b);
    expect(sizes[Math.floor(sizes.length / 2)]).toBeLessThan(8 * 1024);
  });

  test("one more day keeps the older shard's part of every file of the word index and writes the rest", () => {
    expect(full.searchShards).toBe(2);
    expect(incremental.searchShardsRebuilt).toBe(1);
    expect(incremental.searchIndexBytesWritten).toBeGreaterThan(0);
    expect(incremental.searchIndexBytesWritten).toBeLessThan(full.searchIndexBytesWritten / 2);
  });

  test('one more day writes the word index under a new name, so that browsers never mix old and new files', async () => {
    const segmentsAfter = await readdir(path.join(work, 'dist', POSTINGS_DIR));
    expect(incremental.searchSegmentsWritten).toBe(1);
    expect(full.searchSegmentsWritten).toBe(segmentsBefore.length);
    expect(segmentsAfter).toHaveLength(segmentsBefore.length);
    expect(segmentsAfter.filter((segment) => !segmentsBefore.includes(segment))).toHaveLength(1);
  });
});
