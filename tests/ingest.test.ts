import { copyFile, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import config from '../archive.config';
import { ingest, readPageResult, type IngestResult, type PageResult } from '../scripts/lib/ingest';
import { reportLines } from '../scripts/lib/report';
import { writeIndex } from '../scripts/lib/store';
import { SEEDS_DIR } from './helpers/seeds';
import { runFolder } from './helpers/run-folder';

const GOOD = '004_5555c93f7d3fe842.txt';

/** A seeds folder with one good page and one of each kind of bad input. */
async function makeSeeds(): Promise<string> {
  const dir = await runFolder('seeds-');
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
    const cacheDir = await runFolder('cache-');
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
    expect(lines.at(-2)).toMatch(
      /^Read 5 of 8 pages: 19 articles; 3 errors, \d+ warnings, \d+ notes on defects of the printed pages\.$/,
    );
    expect(lines.at(-1)).toBe(
      'Skipped 3 pages (their articles are not in the site): binary.txt, empty.txt, undated.txt',
    );
    expect(lines).toContainEqual(expect.stringMatching(/^error: seeds\/empty\.txt:1: skipped: the file is empty$/));
  });
});

describe('faults across pages', () => {
  const GOOD_TEXT = () => readFile(path.join(SEEDS_DIR, GOOD), 'utf8');
  const entry = (file: string, page: number) => ({
    file,
    publication: '平湖日报',
    date: '2026-03-28',
    datePrecision: 'day',
    page: { number: page },
    evidence: { publication: 'test', date: 'test', page: 'test' },
  });

  test('two files claiming the same paper, date and page: the second is skipped, naming the first', async () => {
    const dir = await runFolder('seeds-');
    const text = await GOOD_TEXT();
    await writeFile(path.join(dir, 'a.txt'), text);
    await writeFile(path.join(dir, 'b.txt'), text);
    await writeFile(path.join(dir, 'c.txt'), text);
    await writeFile(
      path.join(dir, 'manifest.json'),
      JSON.stringify({ pages: [entry('a.txt', 3), entry('b.txt', 3), entry('c.txt', 4)] }, null, 2),
    );
    const result = await ingest({ seedsDir: dir, config, cacheDir: await runFolder('cache-') });
    const b = result.pages.find((page) => page.file === 'b.txt')!;
    expect(b.ok).toBe(false);
    expect(b.messages.at(-1)).toMatchObject({ level: 'error', file: 'b.txt' });
    expect(b.messages.at(-1)?.text).toMatch(
      /平湖日报 2026-03-28 第3版 is already a\.txt.*manifest\.json \(line \d+\)/u,
    );
    expect(result.index.articles.filter((article) => article.file === 'b.txt')).toEqual([]);
    expect(result.index.articles.filter((article) => article.file === 'c.txt')).toHaveLength(6);
  });

  test('a page giving fewer articles than in the last build is reported with the permalinks it breaks', async () => {
    const dir = await runFolder('seeds-');
    const cacheDir = await runFolder('cache-');
    const text = await GOOD_TEXT();
    await writeFile(path.join(dir, 'manifest.json'), JSON.stringify({ pages: [entry('p.txt', 5)] }));
    await writeFile(path.join(dir, 'p.txt'), text);
    const first = await ingest({ seedsDir: dir, config, cacheDir });
    await writeIndex(cacheDir, first.index);
    const lastHeadline = first.index.articles.at(-1)!.headline;
    await writeFile(path.join(dir, 'p.txt'), text.slice(0, text.indexOf(lastHeadline)));
    const second = await ingest({ seedsDir: dir, config, cacheDir });
    const warning = second.pages[0]!.messages.find((message) => message.text.includes('last build'));
    expect(warning).toMatchObject({ level: 'warning', file: 'p.txt' });
    expect(warning?.text).toContain(`gives 5 articles where the last build gave 6`);
    expect(warning?.text).toContain(`/phrb/2026-03-28/5/6/ “${lastHeadline}”`);
  });

  test('a page that is gone since the last build is reported with its articles', async () => {
    const dir = await runFolder('seeds-');
    const cacheDir = await runFolder('cache-');
    await writeFile(path.join(dir, 'manifest.json'), JSON.stringify({ pages: [entry('p.txt', 5)] }));
    await writeFile(path.join(dir, 'p.txt'), await GOOD_TEXT());
    await writeIndex(cacheDir, (await ingest({ seedsDir: dir, config, cacheDir })).index);
    await writeFile(path.join(dir, 'manifest.json'), JSON.stringify({ pages: [] }));
    await rm(path.join(dir, 'p.txt'));
    await writeFile(path.join(dir, 'other.txt'), '');
    const second = await ingest({ seedsDir: dir, config, cacheDir });
    expect(second.messages).toContainEqual(
      expect.objectContaining({ level: 'warning', file: 'p.txt', text: expect.stringContaining('is gone') }),
    );
  });
});
