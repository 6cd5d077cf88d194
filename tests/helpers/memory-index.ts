/**
 * The search index held in memory: the same layout and postings as the site's (one
 * segment), read the way the browser reads them, so the engine can be tested without a
 * browser.
 */
import { deflateRawSync } from 'node:zlib';
import { articleKey, type ArticleText, type PostingBackend, type RecordHits } from '../../src/lib/search/engine';
import { bucketOf } from '../../src/lib/search/buckets';
import { findWord, recordName, recordsWithAll } from '../../src/lib/search/postings';
import { planRecords } from '../../src/lib/search/records';
import { collectSlotPostings, encodeShardBuckets } from '../../src/lib/search/shard-postings';
import { layOutSlot, type SlotLayout } from '../../src/lib/search/tokens';

export interface MemoryArticle {
  id: string;
  decks: string[];
  paragraphs: string[];
  words?: string[];
  publication?: string;
  section?: string;
}

const SHARD = 'r';

export class MemoryIndex implements PostingBackend {
  private readonly buckets: Uint8Array[];
  /** `${record}-${slot}` → article id */
  readonly articleAt = new Map<string, string>();
  /** `${record}-${slot}` → the article's text, as its display file holds it */
  private readonly texts = new Map<string, ArticleText>();
  /** Display files read to confirm a term, by key. */
  readonly textsRead: string[] = [];
  private readonly overflow = new Set<number>();
  /** Record names by number: the one shard's records are numbered as in it. */
  private readonly names: string[] = [];
  /** The words of each search, in the order asked. */
  readonly searched: string[][] = [];

  constructor(articles: readonly MemoryArticle[]) {
    const layouts = new Map<string, SlotLayout>(
      articles.map((article) => [
        article.id,
        layOutSlot({ decks: article.decks, paragraphs: article.paragraphs, words: article.words ?? [] }),
      ]),
    );
    const laidOut = articles.map((article) => ({
      id: article.id,
      publication: article.publication ?? 'p',
      section: article.section ?? 's',
      year: '2026',
      fits: layouts.get(article.id)!.fits,
    }));
    const byId = new Map(articles.map((article) => [article.id, article]));
    const records = planRecords(laidOut);
    records.forEach((record, number) => {
      const name = recordName(SHARD, number);
      this.names.push(name);
      if (record.overflow) this.overflow.add(number);
      record.articleIds.forEach((id, slot) => {
        const key = articleKey(name, slot);
        this.articleAt.set(key, id);
        const { decks, paragraphs } = byId.get(id)!;
        this.texts.set(key, { text: [...decks, ...paragraphs], decks: decks.length });
      });
    });
    const postings = collectSlotPostings(records.map((record) => record.articleIds.map((id) => layouts.get(id)!)));
    // Deflated as the build writes them, and from a smaller size, so that the engine's tests' few articles have deflated blobs too.
    this.buckets = encodeShardBuckets(SHARD, postings, deflateRawSync, 64);
  }

  async overflowRecords(): Promise<ReadonlySet<number>> {
    return this.overflow;
  }

  recordName(record: number): string {
    return this.names[record]!;
  }

  recordNumber(name: string): number | undefined {
    const number = this.names.indexOf(name);
    return number < 0 ? undefined : number;
  }

  /** Every word searched, in the order asked. */
  get wordsAsked(): string[] {
    return this.searched.flat();
  }

  async articleText(record: number, slot: number): Promise<ArticleText> {
    const key = articleKey(this.names[record]!, slot);
    this.textsRead.push(key);
    return this.texts.get(key)!;
  }

  async search(words: readonly string[]): Promise<RecordHits[]> {
    this.searched.push([...words]);
    return recordsWithAll(
      words.map((word) => {
        const found = findWord(this.buckets[bucketOf(word)]!, word).flatMap((shard) => shard.records);
        return { records: found.map((hit) => hit.record), positions: (row: number) => found[row]!.positions };
      }),
    );
  }
}
