/**
 * Builds one shard of the search index, in a process of its own (the build runs two at a
 * time, one per core; Pagefind holds a whole index in memory while it writes it).
 *
 *   node --import tsx scripts/search-shard.ts <job.json>
 *
 * Writes the shard's Pagefind bundle, one display file per article (named after the record
 * Pagefind gave it and its slot) and the shard's table, and prints what it wrote as JSON.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import type { Article } from '../src/lib/article';
import { headlineEntries, type HeadlineEntry } from '../src/lib/search/headlines';
import { packedSlot, planRecords, recordContent, type RecordArticle, type RecordPlan } from '../src/lib/search/records';
import { primarySection, searchableFields, searchDisplay } from '../src/lib/search/record';
import { slotWords } from '../src/lib/search/tokens';
import { paths, withBase } from '../src/lib/site/urls';
import type { PageResult } from './lib/ingest';
import { numberIndexChunks, sortPagefindFilters } from './lib/pagefind-files';
import { conversionTable } from './lib/traditional';
import { normalizeForSearch } from '../src/lib/search/normalize';

export interface ShardJob {
  shardId: string;
  /** Pagefind language code of the shard: it prefixes result ids, so they differ between shards. */
  language: string;
  /** The shard's articles in date order, with the cache file that holds each. */
  articles: Array<{ id: string; cacheFile: string }>;
  cacheDir: string;
  outDir: string;
}

export interface ShardTable {
  id: string;
  /** By Pagefind result id: the record's filters, and each slot's article date. */
  records: Record<string, { publication: string; section: string; year: string; dates: string[] }>;
}

export interface ShardOutput {
  records: number;
  articles: number;
  /** Characters of the shard's text that also have simplified forms (a traditional query may mean them as they are). */
  convertibleChars: string;
  /** The results written, one per article: its display file (in dist/search/text/) and the URL it leads to. */
  results: Array<{ file: string; url: string }>;
  /** Records holding one article too long for a slot. */
  overflowRecords: string[];
  /** [headline digest, entry] for each headline deck of each article, once per digest. */
  headlines: Array<[string, HeadlineEntry]>;
}

const escapeAttribute = (value: string) =>
  value.replace(/&/gu, '&amp;').replace(/"/gu, '&quot;').replace(/</gu, '&lt;');

/** A record as the HTML page Pagefind reads: its filters in <head>, its words (ASCII only) in <body>. */
function recordHtml(record: RecordPlan, slots: ReadonlyMap<string, RecordArticle>): string {
  const filters = (['publication', 'section', 'year'] as const)
    .map((key) => `<meta data-pagefind-filter="${key}[content]" content="${escapeAttribute(record[key])}">`)
    .join('');
  const content = recordContent(record.articleIds.map((id) => slots.get(id)!));
  return `<!doctype html><html><head>${filters}</head><body><p>${content}</p></body></html>`;
}

/** Pagefind's fragments are gzip with a signature in front of the JSON. */
function fragmentUrl(content: Uint8Array): string {
  const text = gunzipSync(content).toString('utf8');
  return (JSON.parse(text.replace(/^pagefind_dcd/u, '')) as { url: string }).url;
}

/**
 * The files of a Pagefind bundle the search page loads: the runtime, its WebAssembly, the
 * entry, the metadata, the word and filter indexes. Not the fragments (the page shows its
 * own display files, never Pagefind's copy of the tokens) nor Pagefind's UI.
 */
const SEARCH_FILE =
  /^(?:pagefind\.js|pagefind-worker\.js|pagefind-entry\.json|wasm\.[a-z0-9-]+\.pagefind|pagefind\.[^/]+\.pf_meta|index\/[^/]+\/[^/]+\.pf_index|filter\/[^/]+\.pf_filter)$/u;

/**
 * Postings per chunk of a shard's word index. A query fetches, in every shard, the whole
 * chunk that holds each of its words, and a first query loads every shard's metadata, which
 * lists the chunks. Pagefind's default, 20,000, makes chunks of about 34 KB compressed here;
 * 2,000 makes them about 4 KB for 22 KB of metadata per shard (measured on a shard of
 * 2,420 articles, before numberIndexChunks shortened the metadata), the least a query of
 * a few words costs. Pagefind 1.5 reads it from the environment when its service starts.
 */
const INDEX_CHUNK_POSTINGS = 2000;

function check<T extends { errors: string[] }>(response: T, action: string): T {
  if (response.errors.length > 0) throw new Error(`Pagefind could not ${action}: ${response.errors.join('; ')}`);
  return response;
}

async function loadArticles(job: ShardJob): Promise<Array<{ article: Article; words: string[] }>> {
  const pages = new Map<string, PageResult>();
  const loaded: Array<{ article: Article; words: string[] }> = [];
  for (const { id, cacheFile } of job.articles) {
    let page = pages.get(cacheFile);
    if (!page) {
      page = JSON.parse(await readFile(path.join(job.cacheDir, cacheFile), 'utf8')) as PageResult;
      pages.set(cacheFile, page);
    }
    const article = page.articles.find((candidate) => candidate.id === id);
    if (!article) throw new Error(`article ${id} is not in ${cacheFile}`);
    loaded.push({ article, words: page.searchWords[id] ?? [] });
  }
  return loaded;
}

export async function buildShard(job: ShardJob): Promise<ShardOutput> {
  const clock = { start: performance.now(), marks: {} as Record<string, number> };
  const mark = (name: string) => (clock.marks[name] = Math.round(performance.now() - clock.start));
  const loaded = await loadArticles(job);
  mark('load');
  // Only the articles are kept past the layout: their jieba words are a large share of the memory.
  const articles = loaded.map((entry) => entry.article);
  const byId = new Map(articles.map((article) => [article.id, article]));
  const decksById = new Map<string, string[]>();
  const convertible = new Set<string>();
  const conversions = conversionTable();
  const laidOut: RecordArticle[] = loaded.splice(0).map(({ article, words }) => {
    const { decks, paragraphs } = searchableFields(article);
    decksById.set(article.id, decks);
    for (const char of normalizeForSearch([...decks, ...paragraphs].join('')))
      if (char in conversions) convertible.add(char);
    return {
      id: article.id,
      publication: article.publication,
      section: primarySection(article),
      year: article.date.slice(0, 4),
      ...packedSlot(slotWords({ decks, paragraphs, words })),
    };
  });
  const slots = new Map(laidOut.map((article) => [article.id, article]));
  const records = planRecords(laidOut);
  mark('layout');

  // Records go to Pagefind as HTML files in a folder: it reads those faster than records sent one by one.
  const bundleDir = path.join(job.outDir, 'pagefind', job.shardId);
  const recordsDir = path.join(job.cacheDir, 'search-records', job.shardId);
  await rm(recordsDir, { recursive: true, force: true });
  for (const [number, record] of records.entries()) {
    await mkdir(path.join(recordsDir, String(number)), { recursive: true });
    await writeFile(path.join(recordsDir, String(number), 'index.html'), recordHtml(record, slots));
  }
  mark('layout-files');
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = String(INDEX_CHUNK_POSTINGS);
  const { index, errors } = await pagefind.createIndex({ forceLanguage: job.language, writePlayground: false });
  /** Result id (fragment hash) → the URL of its record. */
  const fragments = new Map<string, string>();
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    const added = check(await index.addDirectory({ path: recordsDir }), `read the records of shard ${job.shardId}`);
    if (added.page_count !== records.length) {
      throw new Error(`Pagefind read ${added.page_count} of the ${records.length} records of shard ${job.shardId}`);
    }
    mark('add');
    // Files come back in memory and are written here: Pagefind's own writeFiles can answer
    // before its last files reach the disk, and closing it then leaves them empty.
    const { files } = check(await index.getFiles(), `write shard ${job.shardId}`);
    const bundle = files.map((file) => ({ path: file.path.split(path.sep).join('/'), content: file.content }));
    for (const file of bundle) {
      if (file.path.startsWith('fragment/'))
        fragments.set(path.posix.basename(file.path, '.pf_fragment'), fragmentUrl(file.content));
    }
    await rm(bundleDir, { recursive: true, force: true });
    for (const file of numberIndexChunks(sortPagefindFilters(bundle, job.language), job.language)) {
      if (!SEARCH_FILE.test(file.path)) continue;
      await mkdir(path.dirname(path.join(bundleDir, file.path)), { recursive: true });
      await writeFile(path.join(bundleDir, file.path), file.content);
    }
  } finally {
    await pagefind.close();
    await rm(recordsDir, { recursive: true, force: true });
  }

  mark('write');
  const textDir = path.join(job.outDir, 'search', 'text');
  await mkdir(textDir, { recursive: true });
  const table: ShardTable = { id: job.shardId, records: {} };
  const results: ShardOutput['results'] = [];
  const overflowRecords: string[] = [];
  const headlines: ShardOutput['headlines'] = [];
  for (const [id, url] of [...fragments].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const number = Number(/\/(\d+)\/$/u.exec(url)?.[1]);
    const record = records[number];
    if (!record) throw new Error(`shard ${job.shardId} has a record ${id} it did not write`);
    table.records[id] = {
      publication: record.publication,
      section: record.section,
      year: record.year,
      dates: record.articleIds.map((articleId) => byId.get(articleId)!.date),
    };
    if (record.overflow) overflowRecords.push(id);
    for (const [slot, articleId] of record.articleIds.entries()) {
      const article = byId.get(articleId)!;
      const key = `${id}-${slot}`;
      const display = searchDisplay(article, withBase(paths.article(article)));
      results.push({ file: `${key}.json`, url: display.url });
      await writeFile(path.join(textDir, `${key}.json`), JSON.stringify(display));
      headlines.push(...headlineEntries(key, decksById.get(articleId)!));
    }
  }
  const tablesDir = path.join(job.outDir, 'search', 'shards');
  await mkdir(tablesDir, { recursive: true });
  await writeFile(path.join(tablesDir, `${job.shardId}.json`), JSON.stringify(table));
  mark('display');
  if (process.env.SHARD_TIMINGS) console.error(JSON.stringify(clock.marks));
  return {
    records: records.length,
    articles: articles.length,
    convertibleChars: [...convertible].sort().join(''),
    results,
    overflowRecords,
    headlines,
  };
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const job = JSON.parse(await readFile(process.argv[2]!, 'utf8')) as ShardJob;
  process.stdout.write(`${JSON.stringify(await buildShard(job))}\n`);
}
