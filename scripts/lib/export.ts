/**
 * The open-data API written beside the site: every article as typed by the article schema
 * (dist/api/articles.json), and each page file's metadata, furniture and leftovers
 * (dist/api/pages.json). One record per line keeps the files streamable and diffable.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Article } from '../../src/lib/article';
import type { PageResult } from './ingest';

function jsonLines(records: readonly unknown[]): string {
  return records.length === 0 ? '[]\n' : `[\n${records.map((record) => JSON.stringify(record)).join(',\n')}\n]\n`;
}

/** Archive order: publication, date, page, place on the page. */
export function compareArticles(a: Article, b: Article): number {
  return (
    a.publicationId.localeCompare(b.publicationId) ||
    a.date.localeCompare(b.date) ||
    (a.page.number ?? Infinity) - (b.page.number ?? Infinity) ||
    a.source.file.localeCompare(b.source.file) ||
    a.position - b.position
  );
}

export async function writeExport(outDir: string, pages: readonly PageResult[]): Promise<void> {
  const apiDir = path.join(outDir, 'api');
  await mkdir(apiDir, { recursive: true });
  const articles = pages.flatMap((page) => page.articles).sort(compareArticles);
  await writeFile(path.join(apiDir, 'articles.json'), jsonLines(articles));
  const pageRecords = pages.map((page) => ({
    file: page.file,
    ok: page.ok,
    ...(page.encoding ? { encoding: page.encoding } : {}),
    ...(page.meta ? { meta: page.meta } : {}),
    articleIds: page.articles.map((article) => article.id),
    furniture: page.furniture,
    leftovers: page.leftovers,
    messages: page.messages.map(({ level, line, text }) => ({ level, line, text })),
  }));
  await writeFile(path.join(apiDir, 'pages.json'), jsonLines(pageRecords));
}
