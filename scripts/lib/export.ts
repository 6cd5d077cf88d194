/**
 * The open-data API written beside the site: every article as typed by the article schema
 * (dist/api/articles.json), and each page file's metadata, furniture and leftovers
 * (dist/api/pages.json). One record per line keeps the files streamable and diffable;
 * pages are read from the cache one at a time, so memory does not grow with the archive.
 */
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import { compareArchiveOrder } from '../../src/lib/site/archive-view';
import { readPageResult, type PageOutcome } from './ingest';

/** Page files in archive order: the order of their first article, unreadable pages last. */
export function pagesInArchiveOrder(pages: readonly PageOutcome[]): PageOutcome[] {
  return [...pages].sort((a, b) => {
    const [first, second] = [a.summaries[0], b.summaries[0]];
    if (first && second) return compareArchiveOrder(first, second) || (a.file < b.file ? -1 : 1);
    if (first || second) return first ? -1 : 1;
    return a.file < b.file ? -1 : 1;
  });
}

/** A JSON array written one record per line, without holding the whole file in memory. */
class JsonLinesWriter {
  private readonly stream;
  private first = true;

  constructor(file: string) {
    this.stream = createWriteStream(file);
  }

  private async write(text: string): Promise<void> {
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  async add(record: unknown): Promise<void> {
    await this.write(`${this.first ? '[\n' : ',\n'}${JSON.stringify(record)}`);
    this.first = false;
  }

  async close(): Promise<void> {
    await this.write(this.first ? '[]\n' : '\n]\n');
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

export async function writeExport(outDir: string, cacheDir: string, pages: readonly PageOutcome[]): Promise<void> {
  const apiDir = path.join(outDir, 'api');
  await mkdir(apiDir, { recursive: true });
  const articles = new JsonLinesWriter(path.join(apiDir, 'articles.json'));
  const pageFiles = new JsonLinesWriter(path.join(apiDir, 'pages.json'));
  // Each page is read once, for both files.
  for (const page of pagesInArchiveOrder(pages)) {
    const result = await readPageResult(cacheDir, page);
    if (page.ok) for (const article of result.articles) await articles.add(article);
    // The outcome, not the cached parse, says whether the page is in the site (a duplicate is not).
    await pageFiles.add({
      file: result.file,
      ok: page.ok,
      ...(result.encoding ? { encoding: result.encoding } : {}),
      ...(result.meta ? { meta: result.meta } : {}),
      articleIds: page.ok ? result.articles.map((article) => article.id) : [],
      furniture: result.furniture,
      leftovers: result.leftovers,
      messages: page.messages.map(({ level, line, text }) => ({ level, line, text })),
    });
  }
  await articles.close();
  await pageFiles.close();
}
