/**
 * Exact matching on the word index. The index answers: which records hold all of these
 * words, and at which positions does each occur. From the positions the engine finds each
 * term as a phrase, tells the articles of a record apart by their slots, and sees whether
 * a hit is in the headline (tokens.ts explains the layout).
 *
 * A term of n ≥ 2 characters is probed by some of its bigrams (query.ts): every character
 * is in one, and each sits at most two positions after the one before. It occurs at p
 * exactly when each probe's bigram sits at p plus its offset: two bigrams at most two
 * positions apart are in one field (fields are kept apart by two fillers, and only words
 * that are not bigrams follow the last one), so the probes lie in one field, in order, and
 * spell the term there. Nothing needs the term's characters to differ, and a long term
 * costs half its bigrams.
 */
import type { HeadlineEntry } from './headlines';
import type { AnalysedQuery, QueryTerm, TermVariant } from './query';

/** The records that hold every one of some words, and where each word occurs. */
export interface RecordHits {
  record: string;
  /** For each word searched, in the order asked: its ascending positions in the record. */
  positions: number[][];
}

/** Filters: a record passes when, for every key given, it has one of the values. */
export type SearchFilters = Partial<Record<'publication' | 'section' | 'year', string[]>>;

export interface PostingBackend {
  search(words: readonly string[], filters?: SearchFilters): Promise<RecordHits[]>;
  /** Records holding one article too long for a slot: all their positions are that article's. */
  overflowRecords(): Promise<ReadonlySet<string>>;
  /** The articles with a headline deck of this digest (headlines.ts); none, rather than an error, when its bucket cannot be read. */
  headlineArticles(digest: string): Promise<readonly HeadlineEntry[]>;
}

export interface Layout {
  slotWidth: number;
  headlineRegion: number;
}

/** An article found by its record and slot: `${record}-${slot}`, also the name of its display file. */
export type ArticleKey = string;

export interface TermHits {
  /** How many times the term occurs in the article. */
  count: number;
  /** Whether it occurs in a headline deck. */
  inHeadline: boolean;
  /** Offset of its first occurrence in the article's slot. */
  first: number;
}

export interface ArticleMatch {
  readonly key: ArticleKey;
  readonly record: string;
  readonly slot: number;
  /** One entry per query term, in query order. */
  readonly terms: TermHits[];
  /** The whole query is one of the article's headline decks. */
  readonly exactHeadline: boolean;
  /** …and that deck is printed as the query was typed, punctuation and all. */
  readonly printedHeadline: boolean;
}

export function articleKey(record: string, slot: number): ArticleKey {
  return `${record}-${slot}`;
}

/** A common word matches tens of thousands of articles, and the page shows 20: their keys are written when read. */
class FoundArticle implements ArticleMatch {
  constructor(
    readonly record: string,
    readonly slot: number,
    readonly terms: TermHits[],
    readonly exactHeadline: boolean,
    readonly printedHeadline: boolean,
  ) {}

  get key(): ArticleKey {
    return articleKey(this.record, this.slot);
  }
}

export interface MatchResult {
  /** One entry per article, in no particular order. */
  matches: ArticleMatch[];
  /** For each term, how many articles hold it (before the terms are combined). */
  documentFrequency: number[];
}

/** A term's hits in one article, with the record and slot that hold the article. */
type SlotHits = TermHits & { record: string; slot: number };

/** More slots than a record can have (records.ts packs far fewer). */
const SLOTS_PER_RECORD = 2 ** 16;

export class MatchEngine {
  private readonly recordNumbers = new Map<string, number>();

  constructor(
    private readonly backend: PostingBackend,
    private readonly layout: Layout,
  ) {}

  /** Where the variant begins as a phrase, per record that holds it. */
  private async phraseStarts(
    variant: TermVariant,
    filters: SearchFilters | undefined,
  ): Promise<Array<{ record: string; positions: number[] }>> {
    const words = [...new Set(variant.probes.map((probe) => probe.word))];
    const column = new Map(words.map((word, index) => [word, index]));
    const [first, ...others] = variant.probes;
    if (!first) return [];
    const starts: Array<{ record: string; positions: number[] }> = [];
    for (const { record, positions } of await this.backend.search(words, filters)) {
      let found = positions[column.get(first.word)!]!;
      for (const probe of others) {
        if (found.length === 0) break;
        found = startsFollowedBy(found, positions[column.get(probe.word)!]!, probe.offset - first.offset);
      }
      if (found.length > 0) starts.push({ record, positions: found });
    }
    return starts;
  }

  /** The number of the record's first article: its slot s is this plus s, unique within the engine and cheaper to look up than a key. */
  private firstArticleNumber(record: string): number {
    let number = this.recordNumbers.get(record);
    if (number === undefined) this.recordNumbers.set(record, (number = this.recordNumbers.size));
    return number * SLOTS_PER_RECORD;
  }

  /** Where a term occurs, by article number, united over its readings. */
  async matchTerm(term: QueryTerm, filters?: SearchFilters): Promise<Map<number, SlotHits>> {
    const overflow = await this.backend.overflowRecords();
    const { slotWidth, headlineRegion } = this.layout;
    const found = new Map<number, SlotHits>();
    const perVariant = await Promise.all(term.variants.map((variant) => this.phraseStarts(variant, filters)));
    for (const starts of perVariant) {
      for (const { record, positions } of starts) {
        // An over-long article has its record to itself: every position is its own.
        const whole = overflow.has(record);
        const firstArticle = this.firstArticleNumber(record);
        // Positions ascend, so an article's hits come together: its entry is looked up once per run.
        let slot = -1;
        let hits: SlotHits | undefined;
        for (const position of positions) {
          const at = whole ? 0 : Math.floor(position / slotWidth);
          const offset = position - at * slotWidth;
          if (at !== slot || !hits) {
            slot = at;
            const number = firstArticle + slot;
            hits = found.get(number);
            if (!hits) found.set(number, (hits = { record, slot, count: 0, inHeadline: false, first: offset }));
          }
          hits.count++;
          if (offset < headlineRegion) hits.inHeadline = true;
          if (offset < hits.first) hits.first = offset;
        }
      }
    }
    return found;
  }

  /** The articles that hold every term of the query. */
  async match(query: AnalysedQuery, filters?: SearchFilters): Promise<MatchResult> {
    // Every word and headline bucket the query needs is asked for at once: one wait, not one per term.
    const headlines = query.headlineDigests.map((digest) => this.backend.headlineArticles(digest));
    const perTerm = await Promise.all(query.terms.map((term) => this.matchTerm(term, filters)));
    const documentFrequency = perTerm.map((hits) => hits.size);
    const matches: ArticleMatch[] = [];
    const [smallest] = [...perTerm].sort((a, b) => a.size - b.size);
    if (!smallest) return { matches, documentFrequency };
    // Articles that have the query as a headline deck: key → whether as printed.
    const headlineDecks = new Map<ArticleKey, boolean>();
    for (const entries of await Promise.all(headlines)) {
      for (const [key, printed] of entries)
        headlineDecks.set(key, headlineDecks.get(key) || printed === query.printedDigest);
    }
    for (const [number, { record, slot }] of smallest) {
      const terms: TermHits[] = [];
      for (const hits of perTerm) {
        const hit = hits.get(number);
        if (!hit) break;
        terms.push(hit);
      }
      if (terms.length < perTerm.length) continue;
      const printedHeadline = headlineDecks.size > 0 ? headlineDecks.get(articleKey(record, slot)) : undefined;
      matches.push(new FoundArticle(record, slot, terms, printedHeadline !== undefined, printedHeadline ?? false));
    }
    return { matches, documentFrequency };
  }
}

/** The starts (ascending) that have `positions` (ascending) `offset` further on. */
export function startsFollowedBy(starts: readonly number[], positions: readonly number[], offset: number): number[] {
  const kept: number[] = [];
  let next = 0;
  for (const start of starts) {
    const wanted = start + offset;
    while (next < positions.length && positions[next]! < wanted) next++;
    if (next === positions.length) break;
    if (positions[next] === wanted) kept.push(start);
  }
  return kept;
}
