/**
 * The search index as the browser reaches it: one Pagefind bundle per shard, merged into
 * one Pagefind instance, answering the engine's question — which records hold these
 * words, and at which positions (see src/lib/search/engine.ts) — and the headline buckets
 * beside it (src/lib/search/headlines.ts).
 */
import type { CharSet } from '../../lib/search/char-set';
import type { PostingBackend, RecordHits, SearchFilters } from '../../lib/search/engine';
import { headlineBucketPath, type HeadlineEntry } from '../../lib/search/headlines';

interface PagefindResult {
  id: string;
  words: number[];
}

interface PagefindModule {
  options(options: Record<string, unknown>): Promise<void>;
  mergeIndex(path: string, options?: Record<string, unknown>): Promise<void>;
  search(term: string, options?: { filters?: Record<string, unknown> }): Promise<{ results: PagefindResult[] } | null>;
}

export interface SearchIndexInfo {
  version: number;
  slotWidth: number;
  headlineRegion: number;
  articles: number;
  shards: Array<{ id: string; articles: number }>;
  /** Records holding one article too long for a slot. */
  overflowRecords: string[];
  /** How many hex digits of a headline digest name its bucket. */
  headlineBucketWidth: number;
  /** Every value each filter can take. */
  facets: { publication: string[]; section: string[]; year: string[] };
  /** The characters the conversion table (search/t2s.json) reads as simplified. */
  traditionalChars: CharSet;
}

/**
 * One Pagefind worker searches its shards one after another. A second one, a module of
 * its own (another import URL of the same script), searches the other half of the shards
 * on another core. Each needs a first index of its own: both take the first shard, and
 * the second one's results from it are dropped. Worth it from a few shards up.
 */
const SHARDS_PER_WORKER = 3;

/** The shards each Pagefind worker merges into the first shard's index, one list per worker. */
export function shardsPerWorker<T>(shards: readonly T[], cores: number): T[][] {
  const rest = shards.slice(1);
  const workers = Math.max(1, Math.min(2, cores, Math.floor(shards.length / SHARDS_PER_WORKER)));
  const size = Math.ceil(rest.length / workers);
  return Array.from({ length: workers }, (_, worker) => rest.slice(worker * size, (worker + 1) * size));
}

export class PagefindBackend implements PostingBackend {
  private pagefind: Promise<PagefindModule[]> | undefined;
  private readonly overflow: ReadonlySet<string>;

  constructor(
    private readonly base: string,
    private readonly info: SearchIndexInfo,
    /** Fetches a JSON file of the site (once). */
    private readonly json: <T>(path: string) => Promise<T>,
  ) {
    this.overflow = new Set(info.overflowRecords);
  }

  async overflowRecords(): Promise<ReadonlySet<string>> {
    return this.overflow;
  }

  async headlineArticles(digest: string): Promise<readonly HeadlineEntry[]> {
    const bucket = await this.json<Record<string, HeadlineEntry[]>>(
      headlineBucketPath(digest, this.info.headlineBucketWidth),
    ).catch(() => ({}) as Record<string, HeadlineEntry[]>);
    return Object.hasOwn(bucket, digest) ? bucket[digest]! : [];
  }

  private load(): Promise<PagefindModule[]> {
    this.pagefind ??= (async () => {
      const [first] = this.info.shards;
      if (!first) throw new Error('the search index is empty');
      const cores = typeof navigator === 'undefined' ? 1 : (navigator.hardwareConcurrency ?? 1);
      const modules: PagefindModule[] = [];
      // One after another: a later worker then finds the runtime in the browser's cache.
      for (const [worker, shards] of shardsPerWorker(this.info.shards, cores).entries()) {
        const url = `${this.base}pagefind/${first.id}/pagefind.js${worker === 0 ? '' : `?worker=${worker}`}`;
        const pagefind = (await import(/* @vite-ignore */ url)) as PagefindModule;
        await pagefind.options({ excerptLength: 0 });
        await Promise.all(shards.map((shard) => pagefind.mergeIndex(`${this.base}pagefind/${shard.id}/`)));
        modules.push(pagefind);
      }
      return modules;
    })();
    return this.pagefind;
  }

  async search(words: readonly string[], filters?: SearchFilters): Promise<RecordHits[]> {
    const modules = await this.load();
    const options = filters && Object.keys(filters).length > 0 ? { filters: toPagefindFilters(filters) } : {};
    const query = words.join(' ');
    const responses = await Promise.all(modules.map((pagefind) => pagefind.search(query, options)));
    const hits: RecordHits[] = [];
    const seen = new Set<string>();
    for (const response of responses) {
      for (const result of response?.results ?? []) {
        // The first shard answers in every worker.
        if (seen.has(result.id)) continue;
        seen.add(result.id);
        hits.push({ record: result.id, positions: ascending(result.words) });
      }
    }
    return hits;
  }
}

/** Pagefind usually lists a record's positions in order already; copy and sort only when it does not. */
function ascending(positions: number[]): number[] {
  for (let index = 1; index < positions.length; index++) {
    if (positions[index]! < positions[index - 1]!) return [...positions].sort((a, b) => a - b);
  }
  return positions;
}

/** Each key matches records having any of its values. */
function toPagefindFilters(filters: SearchFilters): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(filters)
      .filter(([, values]) => values && values.length > 0)
      .map(([key, values]) => [key, { any: values }]),
  );
}
