/**
 * Exact matching on top of Pagefind. Pagefind answers: which records hold all of these
 * words, and at which positions do they occur. From the positions the engine finds each
 * term as a phrase, tells the articles of a record apart by their slots, and sees whether
 * a hit is in the headline (tokens.ts explains the layout).
 *
 * A term of m+1 characters has m bigrams. When no character repeats in the term, a run of
 * m consecutive positions holding its bigrams can only be the term itself: neighbouring
 * positions of one field overlap by a character, and each of the term's characters begins
 * exactly one of its bigrams, so the run is forced to read b1 b2 … bm. One search for all
 * the bigrams then decides. A term whose characters repeat is cut into segments that
 * do not repeat one (query.ts), each found that way with one search, and the term is where
 * they all sit at their offsets: consecutive segments share a character, so together
 * they spell the term within one field.
 */
import type { HeadlineEntry } from './headlines';
import type { AnalysedQuery, PhraseSegment, QueryTerm, TermVariant } from './query';

/** The records that hold every one of some words, and the positions where those words occur. */
export interface RecordHits {
  record: string;
  /** Ascending positions of any of the words searched. */
  positions: number[];
}

/** Pagefind filters: a record passes when, for every key given, it has one of the values. */
export type SearchFilters = Partial<Record<'publication' | 'section' | 'year', string[]>>;

export interface PostingBackend {
  search(words: readonly string[], filters?: SearchFilters): Promise<RecordHits[]>;
  /** Records holding one article too long for a slot: all their positions are that article's. */
  overflowRecords(): Promise<ReadonlySet<string>>;
  /** The articles with a headline deck of this digest (headlines.ts). */
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
  key: ArticleKey;
  record: string;
  slot: number;
  /** One entry per query term, in query order. */
  terms: TermHits[];
  /** The whole query is one of the article's headline decks. */
  exactHeadline: boolean;
  /** …and that deck is printed as the query was typed, punctuation and all. */
  printedHeadline: boolean;
}

export interface MatchResult {
  matches: Map<ArticleKey, ArticleMatch>;
  /** For each term, how many articles hold it (before the terms are combined). */
  documentFrequency: number[];
}

/** A term's hits in one article, with the record and slot that hold the article. */
type SlotHits = TermHits & { record: string; slot: number };

export class MatchEngine {
  constructor(
    private readonly backend: PostingBackend,
    private readonly layout: Layout,
  ) {}

  /** Start positions of a segment, per record: runs of its words as long as the segment. */
  private async segmentStarts(segment: PhraseSegment, filters: SearchFilters | undefined) {
    const { sequence } = segment;
    const hits = await this.backend.search(sequence, filters);
    return new Map(
      hits.map(({ record, positions }) => [
        record,
        sequence.length === 1 ? positions : runStarts(positions, sequence.length),
      ]),
    );
  }

  /**
   * Start positions of the variant as a phrase, per record: where its first segment starts
   * and every other segment starts as far on as its offset in the term.
   */
  private async phraseStarts(variant: TermVariant, filters: SearchFilters | undefined): Promise<RecordHits[]> {
    const searched = new Map<string, ReturnType<MatchEngine['segmentStarts']>>();
    const perSegment = await Promise.all(
      variant.segments.map((segment) => {
        const key = segment.sequence.join(' ');
        if (!searched.has(key)) searched.set(key, this.segmentStarts(segment, filters));
        return searched.get(key)!;
      }),
    );
    const [first, ...rest] = perSegment;
    const starts: RecordHits[] = [];
    for (const [record, positions] of first ?? []) {
      const others = rest.map((segmentStarts) => segmentStarts.get(record));
      if (others.some((other) => other === undefined)) continue;
      const sets = others.map((other) => new Set(other));
      const found = positions.filter((start) =>
        sets.every((set, index) => set.has(start + variant.segments[index + 1]!.offset)),
      );
      if (found.length > 0) starts.push({ record, positions: found });
    }
    return starts;
  }

  /** Where a term occurs, by article, united over its readings. */
  async matchTerm(term: QueryTerm, filters?: SearchFilters): Promise<Map<ArticleKey, SlotHits>> {
    const overflow = await this.backend.overflowRecords();
    const { slotWidth, headlineRegion } = this.layout;
    const found = new Map<ArticleKey, SlotHits>();
    for (const variant of term.variants) {
      for (const { record, positions } of await this.phraseStarts(variant, filters)) {
        // An over-long article has its record to itself: every position is its own.
        const whole = overflow.has(record);
        // Positions ascend, so an article's hits come together: its entry is looked up once per run.
        let slot = -1;
        let hits: SlotHits | undefined;
        for (const position of positions) {
          const at = whole ? 0 : Math.floor(position / slotWidth);
          const offset = position - at * slotWidth;
          if (at !== slot || !hits) {
            slot = at;
            const key = `${record}-${slot}`;
            hits = found.get(key);
            if (!hits) found.set(key, (hits = { record, slot, count: 0, inHeadline: false, first: offset }));
          }
          hits.count++;
          hits.inHeadline ||= offset < headlineRegion;
          hits.first = Math.min(hits.first, offset);
        }
      }
    }
    return found;
  }

  /** The articles that hold every term of the query. */
  async match(query: AnalysedQuery, filters?: SearchFilters): Promise<MatchResult> {
    const perTerm = [];
    for (const term of query.terms) perTerm.push(await this.matchTerm(term, filters));
    const documentFrequency = perTerm.map((hits) => hits.size);
    const matches = new Map<ArticleKey, ArticleMatch>();
    const [smallest] = [...perTerm].sort((a, b) => a.size - b.size);
    if (!smallest) return { matches, documentFrequency };
    for (const [key, { record, slot }] of smallest) {
      const terms = perTerm.map((hits) => hits.get(key));
      if (terms.some((hit) => hit === undefined)) continue;
      matches.set(key, {
        key,
        record,
        slot,
        terms: terms.map((hit) => ({ count: hit!.count, inHeadline: hit!.inHeadline, first: hit!.first })),
        exactHeadline: false,
        printedHeadline: false,
      });
    }
    if (matches.size > 0) {
      for (const digest of query.headlineDigests) {
        for (const [key, printed] of await this.backend.headlineArticles(digest)) {
          const match = matches.get(key);
          if (!match) continue;
          match.exactHeadline = true;
          match.printedHeadline ||= printed === query.printedDigest;
        }
      }
    }
    return { matches, documentFrequency };
  }
}

/** Positions that begin a run of `length` consecutive positions. */
export function runStarts(positions: readonly number[], length: number): number[] {
  const starts: number[] = [];
  let runStart = 0;
  for (let index = 0; index < positions.length; index++) {
    if (index > 0 && positions[index] !== positions[index - 1]! + 1) runStart = index;
    if (index - runStart + 1 === length) starts.push(positions[runStart]!);
  }
  return starts;
}
