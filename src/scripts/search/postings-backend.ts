/**
 * The word index as the browser reaches it (src/lib/search/postings.ts): a word is looked up
 * in one file of each segment, and kept decoded for the next queries. It
 * answers the engine's question — which records hold these words, and at which positions
 * (src/lib/search/engine.ts).
 */
import {
  articleKey,
  type ArticleText,
  type PostingBackend,
  type RecordHits,
  type SearchFilters,
} from '../../lib/search/engine';
import { RecordTable, type SearchIndexInfo } from '../../lib/search/index-info';
import {
  fileCosts,
  fileOf,
  locateWord,
  postingsPath,
  readPositions,
  recordsWithAll,
  type WordPostingList,
} from '../../lib/search/postings';
import type { WordCost } from '../../lib/search/query';
import { displayPath } from '../../lib/search/record';

/** Words kept decoded: a long headline has a few dozen, a reader's session a few hundred. */
const WORDS_KEPT = 400;

export class PostingsBackend implements PostingBackend {
  private readonly overflow: ReadonlySet<number>;
  /** The archive's records: their numbers, names and filters. */
  readonly records: RecordTable;
  /** Word → where it is, most recently used last. */
  private readonly words = new Map<string, Promise<WordPostingList>>();
  /** Per segment: what fetching its file number n costs. */
  private readonly segmentCosts: Array<(file: number) => number>;
  /** Index files on their way, by path. */
  private readonly fetching = new Map<string, Promise<Uint8Array>>();

  constructor(
    private readonly base: string,
    private readonly info: SearchIndexInfo,
    /** Fetches a JSON file of the site (once). */
    private readonly json: <T>(path: string) => Promise<T>,
  ) {
    this.records = new RecordTable(info);
    this.overflow = new Set(info.overflowRecords.map((name) => this.records.numberOf(name) ?? -1));
    this.segmentCosts = info.segments.map((segment) => fileCosts(segment.largeFiles));
  }

  /** What looking a word up would fetch, in bytes: nothing once it is kept decoded. */
  readonly wordCost: WordCost = (word) =>
    this.words.has(word)
      ? 0
      : this.info.segments.reduce(
          (sum, segment, index) => sum + this.segmentCosts[index]!(fileOf(word, segment.files)),
          0,
        );

  async overflowRecords(): Promise<ReadonlySet<number>> {
    return this.overflow;
  }

  recordName(record: number): string {
    return this.records.names[record] ?? '';
  }

  recordNumber(name: string): number | undefined {
    return this.records.numberOf(name);
  }

  /** The display file, which the page fetches once, whether to confirm a long term or to show the article. */
  articleText(record: number, slot: number): Promise<ArticleText> {
    return this.json<ArticleText>(displayPath(articleKey(this.recordName(record), slot)));
  }

  /**
   * A file of the index, fetched once however many words asked for it at the same time: a
   * query's headline words share the file of its first probe (headlines.ts).
   */
  private file(path: string): Promise<Uint8Array> {
    let fetching = this.fetching.get(path);
    if (!fetching) {
      fetching = fetch(`${this.base}${path}`).then(async (response) => {
        if (!response.ok) throw new Error(`${path}: ${response.status}`);
        return new Uint8Array(await response.arrayBuffer());
      });
      this.fetching.set(path, fetching);
      const done = () => this.fetching.delete(path);
      fetching.then(done, done);
    }
    return fetching;
  }

  /** Where the word is: its records in archive order, and its positions in each, read from its files when asked. */
  private async lookUp(word: string): Promise<WordPostingList> {
    const files = await Promise.all(
      this.info.segments.map((segment) => this.file(postingsPath(segment.id, fileOf(word, segment.files)))),
    );
    const records: number[] = [];
    const where: Array<{ bytes: Uint8Array; offset: number; count: number }> = [];
    for (const file of files) {
      for (const located of locateWord(file, word)) {
        // A shard the index does not list (the site changed since index.json was read) is left out.
        const first = this.records.number(located.shard, 0);
        if (first === undefined) continue;
        located.records.forEach((record, row) => {
          records.push(first + record);
          where.push({ bytes: located.bytes, offset: located.offsets[row]!, count: located.counts[row]! });
        });
      }
    }
    return {
      records,
      positions: (row) => readPositions(where[row]!.bytes, where[row]!.offset, where[row]!.count),
    };
  }

  /** Where the word is. */
  private postings(word: string): Promise<WordPostingList> {
    let postings = this.words.get(word);
    if (postings) this.words.delete(word);
    else {
      postings = this.lookUp(word);
      postings.catch(() => this.words.delete(word));
    }
    this.words.set(word, postings);
    if (this.words.size > WORDS_KEPT) this.words.delete(this.words.keys().next().value!);
    return postings;
  }

  private passes(record: number, filters: SearchFilters): boolean {
    const values = this.records.filters[record];
    return (Object.keys(filters) as Array<keyof SearchFilters>).every((key) => {
      const allowed = filters[key];
      return !allowed || allowed.length === 0 || allowed.includes(values?.[key] ?? '');
    });
  }

  async search(words: readonly string[], filters?: SearchFilters): Promise<RecordHits[]> {
    const perWord = await Promise.all(words.map((word) => this.postings(word)));
    // Segments and their shards come in archive order, so records ascend as the engine reads them.
    return recordsWithAll(perWord, filters && ((record) => this.passes(record, filters)));
  }
}
