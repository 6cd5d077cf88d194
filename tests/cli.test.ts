import { execFile } from 'node:child_process';
import { copyFile, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import config from '../archive.config';
import { articleSchema } from '../src/lib/article';
import { pagesInPrintOrder, writeExport } from '../scripts/lib/export';
import { ingest } from '../scripts/lib/ingest';
import { buildFolders, ROOT, runBuild } from './helpers/build';
import { SEEDS_DIR } from './helpers/seeds';
import { runFolder } from './helpers/run-folder';

const run = promisify(execFile);

const tsx = path.join(ROOT, 'node_modules/.bin/tsx');

describe('npm run parse -- <file>', () => {
  test('prints one page’s articles as JSON that the article schema accepts', async () => {
    const { stdout } = await run(tsx, ['scripts/parse.ts', 'seeds/002_0c3393ab9dbfb191.txt'], { cwd: ROOT });
    const printed = JSON.parse(stdout);
    expect(printed.meta).toMatchObject({ publication: '嘉兴日报', date: '2026-03', page: { number: 1 } });
    expect(printed.articles).toHaveLength(7);
    for (const article of printed.articles) expect(() => articleSchema.parse(article)).not.toThrow();
  });

  test('names the file and line of what it could not read, and exits non-zero', async () => {
    const error = await run(tsx, ['scripts/parse.ts', 'tests/fixtures/does-not-exist.txt'], { cwd: ROOT }).catch(
      (e) => e,
    );
    expect(error.code).toBe(1);
    expect(error.stderr).toContain('tests/fixtures/does-not-exist.txt');
  });
});

describe('the open-data export', () => {
  /** The seed pages ingested into a cache of their own, and an empty folder to export to. */
  async function seedPagesExport() {
    const cacheDir = await runFolder('cache-');
    const { pages } = await ingest({ seedsDir: SEEDS_DIR, config, cacheDir });
    return { cacheDir, pages, outDir: await runFolder('export-') };
  }

  test('dist/api/articles.json holds every article of every page, typed by the schema', async () => {
    const cacheDir = await runFolder('cache-');
    const result = await ingest({ seedsDir: SEEDS_DIR, config, cacheDir });
    const outDir = await runFolder('export-');
    await writeExport(outDir, cacheDir, result.pages);
    const articles = JSON.parse(await readFile(path.join(outDir, 'api/articles.json'), 'utf8'));
    expect(articles).toHaveLength(33);
    for (const article of articles) expect(() => articleSchema.parse(article)).not.toThrow();
    const pages = JSON.parse(await readFile(path.join(outDir, 'api/pages.json'), 'utf8'));
    expect(pages.map((p: { file: string }) => p.file)).toHaveLength(5);
    const lianghui = pages.find((p: { file: string }) => p.file === '000_84a986c9a714f652.txt');
    expect(lianghui.furniture.map((f: { role: string }) => f.role)).toContain('lottery');
  });

  test('the next export copies unchanged pages from the files it wrote, and writes what a fresh export writes', async () => {
    const { cacheDir, pages, outDir } = await seedPagesExport();
    expect(await writeExport(outDir, cacheDir, pages)).toEqual({ pages: 5, serialised: 5 });
    // A page taken away, and another whose outcome differs: only that one is read again.
    const [first, second, ...rest] = pages;
    const changed = {
      ...second!,
      messages: [...second!.messages, { level: 'note' as const, file: second!.file, line: 1, text: 'x' }],
    };
    const next = [...rest, changed];
    expect(await writeExport(outDir, cacheDir, next)).toEqual({ pages: 4, serialised: 1 });
    const freshDir = await runFolder('export-');
    expect(await writeExport(freshDir, cacheDir, next)).toEqual({ pages: 4, serialised: 4 });
    const sameFiles = async () => {
      for (const file of ['api/articles.json', 'api/pages.json'])
        expect(await readFile(path.join(outDir, file), 'utf8')).toBe(await readFile(path.join(freshDir, file), 'utf8'));
    };
    await sameFiles();
    // Copied pages are found again in the files they were copied into.
    expect(await writeExport(outDir, cacheDir, next.slice(1))).toEqual({ pages: 3, serialised: 0 });
    expect(await writeExport(freshDir, cacheDir, next.slice(1))).toEqual({ pages: 3, serialised: 0 });
    await sameFiles();
    const articles = JSON.parse(await readFile(path.join(outDir, 'api/articles.json'), 'utf8')) as Array<{
      id: string;
    }>;
    expect(articles.map((article) => article.id)).not.toContain(first!.summaries[0]!.id);
  });

  test('a day added after the last export is written over the ends of its files, which then hold what a fresh export writes', async () => {
    const { cacheDir, pages, outDir } = await seedPagesExport();
    const ordered = pagesInPrintOrder(pages);
    const files = ['api/articles.json', 'api/pages.json'].map((file) => path.join(outDir, file));
    expect(await writeExport(outDir, cacheDir, ordered.slice(0, 3))).toEqual({ pages: 3, serialised: 3 });
    const before = await Promise.all(files.map((file) => stat(file)));
    expect(await writeExport(outDir, cacheDir, ordered)).toEqual({ pages: 5, serialised: 2 });
    // The same files, not new ones put in their place.
    expect((await Promise.all(files.map((file) => stat(file)))).map((stats) => stats.ino)).toEqual(
      before.map((stats) => stats.ino),
    );
    const freshDir = await runFolder('export-');
    await writeExport(freshDir, cacheDir, ordered);
    for (const file of ['api/articles.json', 'api/pages.json'])
      expect(await readFile(path.join(outDir, file), 'utf8')).toBe(await readFile(path.join(freshDir, file), 'utf8'));
    // What was written in place is copied by the next export like any other.
    expect(await writeExport(outDir, cacheDir, ordered)).toEqual({ pages: 5, serialised: 0 });
    expect(await readFile(files[0]!, 'utf8')).toBe(await readFile(path.join(freshDir, 'api/articles.json'), 'utf8'));
    // A page taken away from the middle: the files are written anew.
    const without = ordered.filter((_, index) => index !== 1);
    expect(await writeExport(outDir, cacheDir, without)).toEqual({ pages: 4, serialised: 0 });
    expect((await stat(files[0]!)).ino).not.toBe(before[0]!.ino);
    const articles = JSON.parse(await readFile(files[0]!, 'utf8')) as Array<{ id: string }>;
    expect(articles.map((article) => article.id)).not.toContain(ordered[1]!.summaries[0]!.id);
  });

  test('a day added that cannot be read leaves the last export as it was', async () => {
    const { cacheDir, pages, outDir } = await seedPagesExport();
    const ordered = pagesInPrintOrder(pages);
    await writeExport(outDir, cacheDir, ordered.slice(0, 4));
    const written = await readFile(path.join(outDir, 'api/articles.json'), 'utf8');
    const lost = { ...ordered[4]!, cacheFile: 'parsed/no-such-page.json' };
    await expect(writeExport(outDir, cacheDir, [...ordered.slice(0, 4), lost])).rejects.toThrow('no-such-page');
    expect(await readFile(path.join(outDir, 'api/articles.json'), 'utf8')).toBe(written);
    expect(await writeExport(outDir, cacheDir, ordered.slice(0, 4))).toEqual({ pages: 4, serialised: 0 });
  });

  test('a damaged export manifest, or one from other export code, is not trusted: the export is written from the cache', async () => {
    const { cacheDir, pages, outDir } = await seedPagesExport();
    await writeExport(outDir, cacheDir, pages);
    const manifestFile = path.join(cacheDir, 'export-manifest.json');
    const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as { format: string };
    const written = await readFile(path.join(outDir, 'api/articles.json'), 'utf8');
    await writeFile(manifestFile, JSON.stringify({ ...manifest, format: 'older export code' }));
    expect(await writeExport(outDir, cacheDir, pages)).toEqual({ pages: 5, serialised: 5 });
    await writeFile(manifestFile, (await readFile(manifestFile, 'utf8')).slice(0, 40));
    expect(await writeExport(outDir, cacheDir, pages)).toEqual({ pages: 5, serialised: 5 });
    expect(await writeExport(outDir, cacheDir, pages)).toEqual({ pages: 5, serialised: 0 });
    expect(await readFile(path.join(outDir, 'api/articles.json'), 'utf8')).toBe(written);
  });

  test('an export that fails leaves the last one in place and no half-written file', async () => {
    const { cacheDir, pages, outDir } = await seedPagesExport();
    await writeExport(outDir, cacheDir, pages);
    const written = await readFile(path.join(outDir, 'api/articles.json'), 'utf8');
    const [first, ...rest] = pages;
    const lost = { ...first!, cacheFile: 'parsed/no-such-page.json', messages: [] };
    await expect(writeExport(outDir, cacheDir, [...rest, lost])).rejects.toThrow('no-such-page');
    expect(await readdir(path.join(outDir, 'api'))).toEqual(['articles.json', 'pages.json']);
    expect(await readFile(path.join(outDir, 'api/articles.json'), 'utf8')).toBe(written);
    expect(await writeExport(outDir, cacheDir, pages)).toEqual({ pages: 5, serialised: 0 });
  });

  test('an exported file changed since the last build is written again from the cache', async () => {
    const { cacheDir, pages, outDir } = await seedPagesExport();
    await writeExport(outDir, cacheDir, pages);
    const articlesFile = path.join(outDir, 'api/articles.json');
    const written = await readFile(articlesFile, 'utf8');
    await writeFile(articlesFile, written.replace('嘉兴', '嘉兴市'));
    expect(await writeExport(outDir, cacheDir, pages)).toEqual({ pages: 5, serialised: 5 });
    expect(await readFile(articlesFile, 'utf8')).toBe(written);
  });
});

describe('npm run build: what the exit code says', () => {
  async function buildExit(
    seeds: string,
    ...flags: string[]
  ): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
      const { stdout, stderr } = await runBuild({ seeds, ...(await buildFolders('build-')), flags });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
      return { code, stdout, stderr };
    }
  }

  async function seedsWithABadPage(): Promise<string> {
    const dir = await runFolder('seeds-');
    for (const file of ['004_5555c93f7d3fe842.txt', 'manifest.json'])
      await copyFile(path.join(SEEDS_DIR, file), path.join(dir, file));
    await writeFile(path.join(dir, 'broken.txt'), Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x00]));
    return dir;
  }

  test('0 when every page was built; notes on defects of the printed pages do not fail --strict', async () => {
    const result = await buildExit(SEEDS_DIR, '--strict');
    expect(result.stdout).toContain('3 notes on defects of the printed pages');
    expect(result.code).toBe(0);
  });

  test('2 when a page was skipped, with the file and line of the reason; the rest is built', async () => {
    const result = await buildExit(await seedsWithABadPage());
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/^error: .*\/broken\.txt:1: skipped: /mu);
    expect(result.stdout).toContain('Skipped 1 pages (their articles are not in the site): broken.txt');
  });

  test('1 under --strict when anything was skipped or warned about', async () => {
    const result = await buildExit(await seedsWithABadPage(), '--strict');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--strict');
  });
});
