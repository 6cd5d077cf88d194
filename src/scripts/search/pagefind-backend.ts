/**
 * The search index as the browser reaches it: one Pagefind bundle per shard, merged into
 * one Pagefind instance, answering the engine's question — which records hold these
 * words, and at which positions (see src/lib/search/engine.ts) — and the headline buckets
 * beside it (src/lib/search/headlines.ts).
 */
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
}

export class PagefindBackend implements PostingBackend {
  private pagefind: Promise<PagefindModule> | undefined;
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

  private load(): Promise<PagefindModule> {
    this.pagefind ??= (async () => {
      const [first, ...rest] = this.info.shards;
      if (!first) throw new Error('the search index is empty');
      const url = `${this.base}pagefind/${first.id}/pagefind.js`;
      const pagefind = (await import(/* @vite-ignore */ url)) as PagefindModule;
      await pagefind.options({ excerptLength: 0 });
      for (const shard of rest) await pagefind.mergeIndex(`${this.base}pagefind/${shard.id}/`);
      return pagefind;
    })();
    return this.pagefind;
  }

  async search(words: readonly string[], filters?: SearchFilters): Promise<RecordHits[]> {
    const pagefind = await this.load();
    const options = filters && Object.keys(filters).length > 0 ? { filters: toPagefindFilters(filters) } : {};
    const response = await pagefind.search(words.join(' '), options);
    return (response?.results ?? []).map((result) => ({
      record: result.id,
      positions: ascending(result.words),
    }));
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
