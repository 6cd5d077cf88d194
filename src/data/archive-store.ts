/**
 * The archive as the build left it in its cache: the index of article summaries and the
 * parsed page files holding full articles. Read at render time by the live content
 * collection and the pages; the index is read once per process, page files on demand.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Article } from '../lib/article';
import { archiveIndexSchema, type ArchiveIndex } from '../lib/archive-index';
import config from '../../archive.config';
import { ArchiveView } from '../lib/site/archive-view';

/** The index's name inside the cache folder. */
export const INDEX_FILE = 'index.json';

function cacheDir(): string {
  return path.resolve(process.env.ARCHIVE_CACHE_DIR ?? '.cache');
}

let view: ArchiveView | undefined;

/** The archive's index and the views derived from it (read once per process). */
export function archive(): ArchiveView {
  if (!view) {
    const file = path.join(cacheDir(), INDEX_FILE);
    let index: ArchiveIndex;
    try {
      index = archiveIndexSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    } catch (error) {
      throw new Error(`cannot read the archive index ${file}: run \`npm run build\` (or \`npm run ingest\`) first`, {
        cause: error,
      });
    }
    view = new ArchiveView(index, config.publications);
    pageFiles = index.pageFiles;
  }
  return view;
}

let pageFiles: Record<string, string> = {};

/** Recently read page files, so rendering a page's articles one after another reads the file once. */
const recentPages = new Map<string, Promise<Article[]>>();
const RECENT_PAGES = 64;

export function pageArticles(file: string): Promise<Article[]> {
  archive();
  let articles = recentPages.get(file);
  if (!articles) {
    const cacheFile = pageFiles[file];
    if (!cacheFile) return Promise.resolve([]);
    articles = readFile(path.join(cacheDir(), cacheFile), 'utf8').then(
      (text) => (JSON.parse(text) as { articles: Article[] }).articles,
    );
    recentPages.set(file, articles);
    if (recentPages.size > RECENT_PAGES) recentPages.delete(recentPages.keys().next().value!);
  }
  return articles;
}

export async function loadArticle(id: string): Promise<Article | undefined> {
  const summary = archive().byId.get(id);
  if (!summary) return undefined;
  return (await pageArticles(summary.file)).find((article) => article.id === id);
}
