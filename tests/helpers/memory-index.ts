/**
 * The search index held in memory, answering as Pagefind does for the archive's words:
 * records that hold every word searched, with the positions of any of them. Built with the
 * same layout as the real index, so the engine can be tested without a browser. Like
 * Pagefind, a searched word matches every word that begins with it, and a word mixing
 * letters and digits is also indexed as its parts ("ab12cd" as "ab", "12", "cd").
 */
import type { PostingBackend, RecordHits } from '../../src/lib/search/engine';
import { headlineEntries, type HeadlineEntry } from '../../src/lib/search/headlines';
import { packedSlot, planRecords, recordContent } from '../../src/lib/search/records';
import { slotWords } from '../../src/lib/search/tokens';

export interface MemoryArticle {
  id: string;
  decks: string[];
  paragraphs: string[];
  words?: string[];
  publication?: string;
  section?: string;
}

export class MemoryIndex implements PostingBackend {
  /** word → record → positions */
  private readonly postings = new Map<string, Map<string, number[]>>();
  /** `${record}-${slot}` → article id */
  readonly articleAt = new Map<string, string>();
  private readonly overflow = new Set<string>();
  /** headline digest → articles */
  private readonly headlines = new Map<string, HeadlineEntry[]>();
  searches = 0;

  constructor(articles: readonly MemoryArticle[]) {
    const laidOut = articles.map((article) => ({
      id: article.id,
      publication: article.publication ?? 'p',
      section: article.section ?? 's',
      year: '2026',
      ...packedSlot(slotWords({ decks: article.decks, paragraphs: article.paragraphs, words: article.words ?? [] })),
    }));
    const byId = new Map(laidOut.map((article) => [article.id, article]));
    const decksById = new Map(articles.map((article) => [article.id, article.decks]));
    planRecords(laidOut).forEach((record, number) => {
      const name = `r${number}`;
      if (record.overflow) this.overflow.add(name);
      record.articleIds.forEach((id, slot) => {
        this.articleAt.set(`${name}-${slot}`, id);
        for (const [digest, entry] of headlineEntries(`${name}-${slot}`, decksById.get(id)!)) {
          this.headlines.set(digest, [...(this.headlines.get(digest) ?? []), entry]);
        }
      });
      const content = recordContent(record.articleIds.map((id) => byId.get(id)!));
      content.split(' ').forEach((word, position) => {
        if (word === '.') return;
        const parts = word.match(/[a-z]+|[0-9]+/gu) ?? [];
        const indexed = parts.length > 1 ? [word, ...parts.filter((part) => part.length > 1)] : [word];
        for (const entry of new Set(indexed)) {
          let records = this.postings.get(entry);
          if (!records) this.postings.set(entry, (records = new Map()));
          const positions = records.get(name) ?? [];
          positions.push(position);
          records.set(name, positions);
        }
      });
    });
  }

  /** Record → positions of every indexed word that begins with `prefix`. */
  private withPrefix(prefix: string): Map<string, number[]> {
    const merged = new Map<string, number[]>();
    for (const [word, records] of this.postings) {
      if (!word.startsWith(prefix)) continue;
      for (const [record, positions] of records) merged.set(record, [...(merged.get(record) ?? []), ...positions]);
    }
    return merged;
  }

  async overflowRecords(): Promise<ReadonlySet<string>> {
    return this.overflow;
  }

  async headlineArticles(digest: string): Promise<readonly HeadlineEntry[]> {
    return this.headlines.get(digest) ?? [];
  }

  async search(words: readonly string[]): Promise<RecordHits[]> {
    this.searches++;
    const lists = words.map((word) => this.withPrefix(word));
    const [first, ...rest] = lists;
    if (!first) return [];
    const hits: RecordHits[] = [];
    for (const record of first.keys()) {
      if (!rest.every((list) => list.has(record))) continue;
      const positions = [...new Set(lists.flatMap((list) => list.get(record) ?? []))].sort((a, b) => a - b);
      hits.push({ record, positions });
    }
    return hits;
  }
}
