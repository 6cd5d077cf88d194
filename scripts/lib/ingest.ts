/**
 * Ingest: every page file in seeds/ → typed articles. Each page is decoded, given its
 * metadata (manifest or inference) and parsed on its own, so one bad page is reported
 * and skipped while the others build.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { articleSchema, type Article, type Furniture, type Leftover } from '../../src/lib/article';
import { summarise, type ArchiveIndex, type ArticleSummary } from '../../src/lib/archive-index';
import type { ArchiveConfig } from '../../src/lib/archive-config';
import { decodePage } from '../../src/lib/decode-page';
import { parseManifest, type Manifest, type ManifestEntry } from '../../src/lib/manifest';
import { findPublication, resolvePageMeta } from '../../src/lib/page-meta';
import { parsePage, type PageMeta } from '../../src/lib/parser';
import { PageCache, pageCacheKey, parserCodeDigest } from './page-cache';
import { runInWorkers } from './worker-pool';
import { reportMovedArticles, skipDuplicatePages } from './ingest-checks';
import { readIndex } from './store';
import { searchableFields } from '../../src/lib/search/record';
import { keywordsOf, longWordsOf, segment, segmentingTime } from './segment';

/** The text the search index reads from an article. */
function searchableText(article: Article): string {
  const { decks, paragraphs } = searchableFields(article);
  return [...decks, ...paragraphs].join('\n');
}

export const MANIFEST_FILE = 'manifest.json';

export interface Message {
  /** error: something was left out; warning: something may be wrong; note: the printed page is defective. */
  level: 'note' | 'warning' | 'error';
  /** The file the message is about, relative to the seeds folder. */
  file: string;
  line: number;
  text: string;
}

export interface PageResult {
  file: string;
  /** False when the page could not be read at all; its articles are then missing from the site. */
  ok: boolean;
  encoding?: string;
  meta?: PageMeta;
  articles: Article[];
  furniture: Furniture[];
  leftovers: Leftover[];
  messages: Message[];
  /** Each article's distinct jieba words of three or more characters, for the search index. */
  searchWords: Record<string, string[]>;
}

export interface PageOutcome {
  file: string;
  ok: boolean;
  /** The cache file holding the page's full result, relative to the cache folder. */
  cacheFile: string;
  /** Whether the page was parsed in this run (false: reused from the cache). */
  parsed: boolean;
  /** CPU time spent on the page in this run: parsing, and segmenting with nodejieba (ms). */
  cpu: { parse: number; segment: number };
  meta?: PageMeta;
  summaries: ArticleSummary[];
  messages: Message[];
}

export interface IngestResult {
  pages: PageOutcome[];
  /** Messages not tied to one page: the manifest's own problems. */
  messages: Message[];
  index: ArchiveIndex;
}

/** Page files are the .txt files of the seeds folder, in name order. */
export async function listPageFiles(seedsDir: string): Promise<string[]> {
  const names = await readdir(seedsDir);
  return names.filter((name) => name.endsWith('.txt')).sort();
}

export async function readManifest(seedsDir: string, config: ArchiveConfig): Promise<Manifest> {
  const publicationOf = (nameOrId: string) => findPublication(config, nameOrId)?.id;
  try {
    return parseManifest(await readFile(path.join(seedsDir, MANIFEST_FILE), 'utf8'), publicationOf);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return {
      entries: new Map(),
      problems: [{ line: 1, message: 'no manifest: every page will have inferred metadata' }],
    };
  }
}

/** Parses one page file's bytes. Never throws: a failure becomes an error message. */
export function ingestPage(
  file: string,
  bytes: Uint8Array,
  entry: ManifestEntry | undefined,
  config: ArchiveConfig,
): PageResult {
  const result: PageResult = {
    file,
    ok: false,
    articles: [],
    furniture: [],
    leftovers: [],
    messages: [],
    searchWords: {},
  };
  const note = (level: Message['level'], line: number, text: string) =>
    result.messages.push({ level, file, line, text });
  const decoded = decodePage(bytes);
  if (!decoded.ok) {
    note('error', decoded.line, `skipped: ${decoded.reason}`);
    return result;
  }
  result.encoding = decoded.encoding;
  for (const { line, text } of decoded.notes) note('warning', line, text);
  const resolved = resolvePageMeta(file, decoded.text, entry, config);
  if (!resolved.ok) {
    note('error', 1, `skipped: ${resolved.reason}`);
    return result;
  }
  for (const text of resolved.warnings) note('warning', 1, text);
  result.meta = resolved.meta;
  // An article's keywords and its words for the search index come from one cut of the same text.
  const cuts = new Map<string, string[]>();
  const cut = (text: string) => cuts.get(text) ?? cuts.set(text, segment(text)).get(text)!;
  try {
    const parsed = parsePage(decoded.text, resolved.meta, {
      extractKeywords: (text) => keywordsOf(cut(text)),
      columnNames: resolved.publication.columns,
    });
    for (const article of parsed.articles) {
      const checked = articleSchema.safeParse(article);
      if (checked.success) result.articles.push(checked.data);
      else
        note(
          'error',
          article.source.lineStart,
          `article “${article.headline}” left out: ${checked.error.issues[0]?.message}`,
        );
    }
    result.furniture = parsed.furniture;
    result.leftovers = parsed.leftovers;
    for (const article of result.articles) result.searchWords[article.id] = longWordsOf(cut(searchableText(article)));
    for (const warning of parsed.warnings) note(warning.level, warning.line, warning.message);
    result.ok = true;
  } catch (error) {
    note('error', 1, `skipped: the parser failed (${(error as Error).message}); please report this page`);
  }
  return result;
}

export interface IngestOptions {
  seedsDir: string;
  config: ArchiveConfig;
  /** Where parsed pages are cached; the archive index is built from them. */
  cacheDir: string;
}

/** The folder, inside the cache, of parsed pages. */
export const PARSED_DIR = 'parsed';

/**
 * Reads every page of the seeds folder, parsing only pages the cache has not seen, and
 * returns what the build needs to go on: per-page outcomes and the archive index.
 */
export async function ingest({ seedsDir, config, cacheDir }: IngestOptions): Promise<IngestResult> {
  const manifest = await readManifest(seedsDir, config);
  const messages: Message[] = manifest.problems.map((problem) => ({
    level: 'warning',
    file: MANIFEST_FILE,
    line: problem.line,
    text: problem.message,
  }));
  const files = await listPageFiles(seedsDir);
  const codeDigest = await parserCodeDigest();
  const tasks: IngestTask[] = files.map((file) => ({
    file,
    seedsDir,
    cacheDir,
    codeDigest,
    entry: manifest.entries.get(file)?.entry,
  }));
  // Pages the cache knows are answered here; workers start only for enough pages to parse.
  const known: Array<{ key: string; outcome: PageOutcome | undefined }> = [];
  // A few dozen files open at a time: enough to keep the disk busy, far from the open-file limit.
  for (let start = 0; start < tasks.length; start += 64)
    known.push(...(await Promise.all(tasks.slice(start, start + 64).map(cachedOutcome))));
  // Pages to parse carry the key worked out above, so they are not hashed again.
  const toParse = tasks.flatMap((task, index) => (known[index]!.outcome ? [] : [{ ...task, key: known[index]!.key }]));
  // Parsing and segmenting are CPU-bound: many pages are read on every core.
  const parsedNow =
    toParse.length >= PARALLEL_FROM
      ? await runInWorkers<ParseTask, PageOutcome>(new URL('./ingest-worker.ts', import.meta.url), toParse)
      : await Promise.all(toParse.map((task) => ingestToCache(task, config)));
  let nextParsed = 0;
  const pages = known.map(({ outcome }) => outcome ?? parsedNow[nextParsed++]!);
  const present = new Set(files);
  for (const [file, { line }] of manifest.entries) {
    if (!present.has(file)) {
      messages.push({
        level: 'warning',
        file: MANIFEST_FILE,
        line,
        text: `the manifest lists ${file}, which is not in the seeds folder`,
      });
    }
  }
  skipDuplicatePages(pages, manifest);
  messages.push(...reportMovedArticles(await readIndex(cacheDir), pages));
  const index: ArchiveIndex = {
    articles: pages.flatMap((page) => page.summaries),
    pageFiles: Object.fromEntries(pages.filter((page) => page.ok).map((page) => [page.file, page.cacheFile])),
  };
  return { pages, messages, index };
}

/** Below this many pages, the work is not worth starting workers for. */
const PARALLEL_FROM = 50;

export interface IngestTask {
  file: string;
  seedsDir: string;
  cacheDir: string;
  codeDigest: string;
  entry: ManifestEntry | undefined;
}

/** A page to parse, with the cache key the build worked out when it found the page missing from the cache. */
export type ParseTask = IngestTask & { key: string };

/** What the build needs of a parsed page, cached beside it so that an unchanged page is not read whole. */
type CachedOutcome = Pick<PageOutcome, 'ok' | 'meta' | 'summaries' | 'messages'>;

const readSeed = (task: IngestTask) => readFile(path.join(task.seedsDir, task.file));

/** Where a page's parse is cached: its key is the page's bytes with what else decides its parse. */
function cacheSlot(task: IngestTask, key: string) {
  const cache = new PageCache(path.join(task.cacheDir, PARSED_DIR));
  return { cache, cacheFile: path.posix.join(PARSED_DIR, cache.fileName(key)) };
}

/** The page's cache key, and what the build needs of it if the cache already holds it. */
async function cachedOutcome(task: IngestTask): Promise<{ key: string; outcome: PageOutcome | undefined }> {
  const key = pageCacheKey(task.codeDigest, task.file, await readSeed(task), task.entry);
  const { cache, cacheFile } = cacheSlot(task, key);
  const known = await cache.readOutcome<CachedOutcome>(key);
  return {
    key,
    outcome: known && { file: task.file, cacheFile, parsed: false, cpu: { parse: 0, segment: 0 }, ...known },
  };
}

/**
 * Parses a page whose outcome the cache lacks (see cachedOutcome) unless its full result is
 * cached, and returns what the build needs of it.
 */
export async function ingestToCache(task: ParseTask, config: ArchiveConfig): Promise<PageOutcome> {
  const { file, entry, key } = task;
  const { cache, cacheFile } = cacheSlot(task, key);
  const cpu = { parse: 0, segment: 0 };

  let result = await cache.read(key);
  const parsed = result === undefined;
  if (!result) {
    const bytes = await readSeed(task);
    const [start, segmentedBefore] = [performance.now(), segmentingTime];
    result = ingestPage(file, bytes, entry, config);
    cpu.segment = segmentingTime - segmentedBefore;
    cpu.parse = performance.now() - start - cpu.segment;
    await cache.write(key, result);
  }
  const outcome: CachedOutcome = {
    ok: result.ok,
    ...(result.meta ? { meta: result.meta } : {}),
    summaries: result.articles.map(summarise),
    messages: result.messages,
  };
  await cache.writeOutcome(key, outcome);
  return { file, cacheFile, parsed, cpu, ...outcome };
}

/** The full result of a page, as cached by the last ingest. */
export async function readPageResult(cacheDir: string, page: Pick<PageOutcome, 'cacheFile'>): Promise<PageResult> {
  return JSON.parse(await readFile(path.join(cacheDir, page.cacheFile), 'utf8')) as PageResult;
}
