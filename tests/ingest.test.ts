import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import config from '../archive.config';
import { ingest, readPageResult, type IngestResult, type PageResult } from '../scripts/lib/ingest';
import { reportLines } from '../scripts/lib/report';
import { SEEDS_DIR } from './helpers/seeds';

const GOOD = '004_5555c93f7d3fe842.txt';

/** A seeds folder with one good page and one of each kind of bad input. */
async function makeSeeds(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'seeds-'));
  const good = await readFile(path.join(SEEDS_DIR, GOOD), 'utf8');
  await copyFile(path.join(SEEDS_DIR, GOOD), path.join(dir, GOOD));
  await writeFile(path.join(dir, 'empty.txt'), '');
  await writeFile(
    path.join(dir, 'binary.txt'),
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
  );
  await copyFile(path.join(import.meta.dirname, 'fixtures/gbk-page.txt'), path.join(dir, 'gbk.txt'));
  await writeFile(path.join(dir, 'crlf.txt'), good.replace(/\n/g, '\r\n'));
  await writeFile(path.join(dir, 'bom.txt'), `\uFEFF${good}`);
  await writeFile(path.join(dir, 'no-headline.txt'), '这是一段没有标题的文字,2026年的某一天。\n');
  await writeFile(path.join(dir, 'undated.txt'), '没有日期的标题\n\n没有日期的正文。\n');
  const entry = (file: string, date = '2026-03', precision = 'month') => ({
    file,
    publication: '平湖日报',
    date,
    datePrecision: precision,
    evidence: { publication: 'test', date: 'test' },
  });
  const manifest = {
    pages: [entry(GOOD), entry('crlf.txt'), entry('bom.txt', '2026-02-30', 'day'), entry('gbk.txt'), entry('gone.txt')],
  };
  await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return dir;
}

describe('ingesting a folder with bad pages in it', () => {
  let result: IngestResult;
  const full = new Map<string, PageResult>();
  const outcome = (file: string) => result.pages.find((p) => p.file === file)!;
  const page = (file: string) => full.get(file)!;
  const messages = (file: string) => outcome(file).messages.map((m) => `${m.level} ${m.line}: ${m.text}`);

  beforeAll(async () => {
    const seedsDir = await makeSeeds();
    const cacheDir = await mkdtemp(path.join(tmpdir(), 'cache-'));
    result = await ingest({ seedsDir, config, cacheDir });
    for (const p of result.pages) full.set(p.file, await readPageResult(cacheDir, p));
  });

  test('the good page builds whatever else is in the folder', () => {
    expect(page(GOOD).ok).toBe(true);
    expect(page(GOOD).articles).toHaveLength(6);
    expect(page(GOOD).articles[0]?.keywords).toContain('人工智能');
  });

  test('an empty file is skipped with its name and line', () => {
    expect(page('empty.txt').ok).toBe(false);
    expect(messages('empty.txt')).toEqual(['error 1: skipped: the file is empty']);
  });

  test('a binary file is skipped as not text', () => {
    expect(page('binary.txt').ok).toBe(false);
    expect(messages('binary.txt')[0]).toMatch(/^error \d+: skipped: .*(binary|not UTF-8)/);
  });

  test('a GBK file is read, with a note to re-save it as UTF-8', () => {
    expect(page('gbk.txt').ok).toBe(true);
    expect(page('gbk.txt').articles[0]?.headline).toBe('平湖5个人工智能产业项目签约,总投资5亿元');
    expect(messages('gbk.txt')).toContainEqual(expect.stringContaining('GB18030'));
  });

  test('CRLF line ends read the same as LF', () => {
    const strip = (file: string) => page(file).articles.map(({ headline, paragraphs }) => ({ headline, paragraphs }));
    expect(strip('crlf.txt')).toEqual(strip(GOOD));
  });

  test('a byte-order mark is dropped; a manifest entry with an invalid date is reported and the page inferred', () => {
    expect(page('bom.txt').articles).toHaveLength(6);
    expect(page('bom.txt').meta?.metadataOrigin).toBe('inferred');
    expect(result.messages).toContainEqual(
      expect.objectContaining({ file: 'manifest.json', line: 23, text: expect.stringContaining('2026-02-30') }),
    );
  });

  test('a page missing from the manifest builds with inferred metadata and a warning', () => {
    const inferred = page('no-headline.txt');
    expect(inferred.meta).toMatchObject({ metadataOrigin: 'inferred', date: '2026', datePrecision: 'year' });
    expect(messages('no-headline.txt')).toContainEqual(expect.stringContaining('not in seeds/manifest.json'));
  });

  test('a page with no recognisable headline keeps its text as leftovers and says so', () => {
    const noHeadline = page('no-headline.txt');
    expect(noHeadline.articles).toEqual([]);
    expect(noHeadline.leftovers.map((l) => l.text)).toEqual(['这是一段没有标题的文字,2026年的某一天。']);
    expect(messages('no-headline.txt')).toContainEqual(expect.stringContaining('no headline found'));
  });

  test('a page with no date anywhere is skipped, asking for a manifest entry', () => {
    expect(page('undated.txt').ok).toBe(false);
    expect(messages('undated.txt')[0]).toContain('add a manifest entry');
  });

  test('a manifest entry for a missing file is reported', () => {
    expect(result.messages).toContainEqual(expect.objectContaining({ text: expect.stringContaining('gone.txt') }));
  });

  test('the summary says how many pages and articles were read, and what was skipped', () => {
    const lines = reportLines(result, 'seeds');
    expect(lines.at(-2)).toMatch(/^Read 5 of 8 pages: 19 articles; \d+ warnings, 3 errors\.$/);
    expect(lines.at(-1)).toBe(
      'Skipped 3 pages (their articles are not in the site): binary.txt, empty.txt, undated.txt',
    );
    expect(lines).toContainEqual(expect.stringMatching(/^error: seeds\/empty\.txt:1: skipped: the file is empty$/));
  });
});
