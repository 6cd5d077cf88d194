/**
 * Builds one shard of the search index, in a process of its own (the build runs two at a
 * time, one per core, and a shard's postings are held in memory until written).
 *
 *   node --import tsx scripts/search-shard.ts <job.json>
 *
 * Writes the shard's postings, one blob per bucket (src/lib/search/postings.ts), to the
 * cache, from where the index's segments are put together; one display file per article
 * (named after its record and slot) and the shard's table to the site; and prints what it
 * wrote as JSON.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import type { Article } from '../src/lib/article';
import { articleKey } from '../src/lib/search/engine';
import { planRecords, type RecordArticle } from '../src/lib/search/records';
import { recordName, shardName } from '../src/lib/search/postings';
import { collectSlotPostings, encodeShardBuckets } from '../src/lib/search/shard-postings';
import { primarySection, searchableFields, searchDisplay } from '../src/lib/search/record';
import { layOutSlot, type SlotLayout } from '../src/lib/search/tokens';
import { paths, withBase } from '../src/lib/site/urls';
import { overwriteFileSync } from './lib/files';
import type { PageResult } from './lib/ingest';
import { writeShardPostings } from './lib/postings-files';
import { conversionTable } from './lib/traditional';

export interface ShardJob {
  shardId: string;
  /** Where the shard's postings go. */
  postingsFile: string;
  /** The shard's articles in date order, with the cache file that holds each. */
  articles: Array<{ id: string; cacheFile: string }>;
  cacheDir: string;
  outDir: string;
}

export interface ShardTable {
  id: string;
  /** By record name: each slot's article date (the records' filters are in search/index.json). */
  records: Record<string, { dates: string[] }>;
}

export interface ShardOutput {
  /** Each record's filters, by record number: publication, section, year. */
  records: Array<[string, string, string]>;
  articles: number;
  /** Characters of the shard's text that also have simplified forms (a traditional query may mean them as they are). */
  convertibleChars: string;
  /** The results written, one per article: its display file (in dist/search/text/) and the URL it leads to. */
  results: Array<{ file: string; url: string }>;
  /** Records holding one article too long for a slot. */
  overflowRecords: string[];
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
  // The articles and their slot layouts are kept past the layout, not their jieba words (a large share of the memory).
  const articles = loaded.map((entry) => entry.article);
  const byId = new Map(articles.map((article) => [article.id, article]));
  const layouts = new Map<string, SlotLayout>();
  const convertible = new Set<string>();
  const convertibleAtAll = new Set(Object.keys(conversionTable()));
  const laidOut: RecordArticle[] = loaded.splice(0).map(({ article, words }) => {
    const { decks, paragraphs } = searchableFields(article);
    const layout = layOutSlot({ decks, paragraphs, words });
    layouts.set(article.id, layout);
    for (const chars of [layout.headlineChars, layout.bodyChars])
      for (const char of chars) if (convertibleAtAll.has(char)) convertible.add(char);
    return {
      id: article.id,
      publication: article.publication,
      section: primarySection(article),
      year: article.date.slice(0, 4),
      fits: layout.fits,
    };
  });
  const records = planRecords(laidOut);
  mark('layout');

  const shard = shardName(job.shardId);
  const names = records.map((_, number) => recordName(shard, number));
  const postings = collectSlotPostings(records.map((record) => record.articleIds.map((id) => layouts.get(id)!)));
  layouts.clear();
  mark('postings');
  await writeShardPostings(job.postingsFile, encodeShardBuckets(shard, postings, deflateRawSync));
  mark('write');

  const textDir = path.join(job.outDir, 'search', 'text');
  await mkdir(textDir, { recursive: true });
  const table: ShardTable = { id: job.shardId, records: {} };
  const results: ShardOutput['results'] = [];
  for (const [number, record] of records.entries()) {
    const id = names[number]!;
    table.records[id] = { dates: record.articleIds.map((articleId) => byId.get(articleId)!.date) };
    for (const [slot, articleId] of record.articleIds.entries()) {
      const article = byId.get(articleId)!;
      const key = articleKey(id, slot);
      const display = searchDisplay(article, withBase(paths.article(article)));
      results.push({ file: `${key}.json`, url: display.url });
      // Synchronously (thousands of small files, and nothing else for this process to do
      // meanwhile), and in place: a new day writes most of its shard's files again.
      overwriteFileSync(path.join(textDir, `${key}.json`), JSON.stringify(display));
    }
  }
  const tablesDir = path.join(job.outDir, 'search', 'shards');
  await mkdir(tablesDir, { recursive: true });
  await writeFile(path.join(tablesDir, `${job.shardId}.json`), JSON.stringify(table));
  mark('display');
  if (process.env.SHARD_TIMINGS) console.error(JSON.stringify(clock.marks));
  return {
    records: records.map((record) => [record.publication, record.section, record.year]),
    articles: articles.length,
    convertibleChars: [...convertible].sort().join(''),
    results,
    overflowRecords: names.filter((_, number) => records[number]!.overflow),
  };
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const job = JSON.parse(await readFile(process.argv[2]!, 'utf8')) as ShardJob;
  process.stdout.write(`${JSON.stringify(await buildShard(job))}\n`);
}
