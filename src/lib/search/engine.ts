/**
 * Exact matching on the word index. The index answers: which records hold all of these
 * words, and at which positions does each occur. From the positions the engine finds each
 * term as a phrase, tells the articles of a record apart by their slots, and sees whether
 * a hit is in the headline (tokens.ts explains the layout).
 *
 * A term of n ≥ 2 characters is probed by some of its bigrams, or the trigrams of common
 * ones (query.ts): every character is in one, and each begins at most two positions after
 * the one before ends. It occurs at p exactly when each probe's word sits at p plus its
 * offset: a trigram is written only where its three characters are in one field, and two
 * bigram positions at most two apart are in one field (fields are kept apart by two
 * fillers, and only words that are not bigrams follow the last one), so the probes lie in
 * one field, in order, and spell the term there. Nothing needs the term's characters to
 * differ, and a long term costs half its bigrams or fewer. A long term can cost fewer still
 * (LookupOptions): some of its probes find where it may be, and the text of the few
 * articles there says where it is, by the same rule (tokens.ts, termStartsInSlot).
 *
 * A common word is in tens of thousands of articles and the page shows 20: matches are
 * kept in columns (one array per property, an entry per article, in archive order), and
 * an article becomes an object only when it is shown.
 */
import { PRINTED_PLAIN_MARK } from './headlines';
import { bucketOf } from './buckets';
import type { AnalysedQuery, Probe, QueryTerm, TermVariant } from './query';
import type { SearchDisplay } from './record';
import { isOnceWord, onceSlotPosition, termStartsInSlot } from './tokens';
import { intersectAscending } from './sorted';

/** The records that hold every one of some words, and where each word occurs. */
export interface RecordHits {
  /** The record's number: records are numbered in archive order (index-info.ts). */
  record: number;
  /** For each word searched, in the order asked: its ascending positions in the record. */
  positions: number[][];
}

/** Filters: a record passes when, for every key given, it has one of the values. */
export type SearchFilters = Partial<Record<'publication' | 'section' | 'year', string[]>>;

export interface PostingBackend {
  /** The records holding every one of the words, in ascending order, with each word's positions there. */
  search(words: readonly string[], filters?: SearchFilters): Promise<RecordHits[]>;
  /** Records holding one article too long for a slot: all their positions are that article's. */
  overflowRecords(): Promise<ReadonlySet<number>>;
  /** An article's searchable text as its display file holds it (record.ts): the decks, then the paragraphs. */
  articleText(record: number, slot: number): Promise<ArticleText>;
  /** A record's name, which its articles' display files begin with; and back. */
  recordName(record: number): string;
  recordNumber(name: string): number | undefined;
}

export interface Layout {
  slotWidth: number;
  headlineRegion: number;
}

/** The text a display file quotes (record.ts): the searchable fields in reading order, its first `decks` the headline decks. */
export type ArticleText = Pick<SearchDisplay, 'text' | 'decks'>;

/**
 * How a long term is looked up. Its probes are many (a headline of 20 characters has 10),
 * and a browser asks one host for six files at a time: so the engine asks for some of them
 * first — the first, the last, and some spread between — and when few articles hold those
 * in place, it reads those articles' text (which showing them needs anyway) rather than
 * the rest of the probes.
 */
export interface LookupOptions {
  /** A term with more probes than this asks for this many first. */
  probesFirst: number;
  /** Past this many articles holding the first probes, the rest of the probes are asked for. */
  textUpTo: number;
  /**
   * Files a browser fetches from one host at once (six over HTTP/1.1). A query's long terms
   * are looked up first by some probes only when that takes fewer waves of files than all
   * of its words: a query of several terms that needs two waves either way asks for all.
   */
  filesAtOnce: number;
}

/** Five probes are five files, the query's headline words filed with the first; six articles' texts, six more. */
export const LOOKUP: LookupOptions = { probesFirst: 5, textUpTo: 6, filesAtOnce: 6 };

/** Where a term begins: per record, ascending, its ascending positions. */
type Starts = Array<{ record: number; positions: number[] }>;

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
  /** The record's name. */
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

/** More slots than a record can have (records.ts packs far fewer): an article's number is its record's times this, plus its slot. */
export const SLOTS_PER_RECORD = 2 ** 16;

/** Where a term occurs: one entry per article, by ascending article number. */
export interface TermColumns {
  articles: Float64Array;
  counts: Int32Array;
  firsts: Int32Array;
  /** 1 where the term is in a headline deck. */
  inHeadline: Uint8Array;
}

/** Columns for up to `size` articles. */
function columns(size: number): TermColumns {
  return {
    articles: new Float64Array(size),
    counts: new Int32Array(size),
    firsts: new Int32Array(size),
    inHeadline: new Uint8Array(size),
  };
}

/** The first `length` entries of the columns. */
function cut(table: TermColumns, length: number): TermColumns {
  return {
    articles: table.articles.subarray(0, length),
    counts: table.counts.subarray(0, length),
    firsts: table.firsts.subarray(0, length),
    inHeadline: table.inHeadline.subarray(0, length),
  };
}

/** A term's hits in each match, as MatchResult keeps them. */
export interface MatchedTerm {
  counts: ArrayLike<number>;
  firsts: ArrayLike<number>;
  /** 1 where the term is in a headline deck. */
  inHeadline: ArrayLike<number>;
}

/** The articles that hold every term of a query, by ascending article number (archive order). */
export class MatchResult {
  static readonly none = new MatchResult([], [], [], [], () => '');

  constructor(
    /** Each match's article number. */
    readonly articles: ArrayLike<number>,
    /** Per query term: the term's hits in each match. */
    readonly terms: readonly MatchedTerm[],
    /** Per match: 2 when the query is a deck of the article as printed, 1 when punctuation aside, else 0. */
    readonly headline: ArrayLike<number>,
    /** For each term, how many articles hold it (before the terms are combined). */
    readonly documentFrequency: readonly number[],
    private readonly recordName: (record: number) => string,
  ) {}

  get length(): number {
    return this.articles.length;
  }

  record(index: number): number {
    return Math.floor(this.articles[index]! / SLOTS_PER_RECORD);
  }

  slot(index: number): number {
    return this.articles[index]! % SLOTS_PER_RECORD;
  }

  /** Match `index` as the page shows it. */
  match(index: number): ArticleMatch {
    const record = this.recordName(this.record(index));
    const slot = this.slot(index);
    return {
      key: articleKey(record, slot),
      record,
      slot,
      terms: this.terms.map((term) => ({
        count: term.counts[index]!,
        inHeadline: term.inHeadline[index] === 1,
        first: term.firsts[index]!,
      })),
      exactHeadline: this.headline[index]! > 0,
      printedHeadline: this.headline[index] === 2,
    };
  }

  /** Every match, in archive order. */
  all(): ArticleMatch[] {
    return Array.from({ length: this.length }, (_, index) => this.match(index));
  }
}

export class MatchEngine {
  constructor(
    private readonly backend: PostingBackend,
    private readonly layout: Layout,
    private readonly lookup: LookupOptions = LOOKUP,
  ) {}

  /**
   * Where the variant begins as a phrase, per record that holds it, in ascending record order;
   * with `firstLook`, a long one is looked up by some of its probes first.
   */
  private async phraseStarts(
    variant: TermVariant,
    filters: SearchFilters | undefined,
    firstLook: boolean,
  ): Promise<Starts> {
    const { probes } = variant;
    if (!firstLook || probes.length <= this.lookup.probesFirst) return this.probedStarts(probes, filters);
    const first = spreadOut(probes, this.lookup.probesFirst);
    const candidates = await this.probedStarts(first, filters);
    const rest = probes.filter((probe) => !first.includes(probe));
    if ((await this.articleCount(candidates, this.lookup.textUpTo + 1)) <= this.lookup.textUpTo) {
      // A text that cannot be read leaves the rest of the probes to decide.
      const confirmed = await this.confirmedByText(candidates, variant.text).catch(() => undefined);
      if (confirmed) return confirmed;
    }
    return this.narrowed(candidates, rest, filters);
  }

  /** The records holding every probe's word, each with its positions of a word there; the words are asked for at once. */
  private async holding(
    probes: readonly Probe[],
    filters: SearchFilters | undefined,
  ): Promise<Array<{ record: number; positionsOf: (word: string) => number[] }>> {
    const words = [...new Set(probes.map((probe) => probe.word))];
    const column = new Map(words.map((word, index) => [word, index]));
    return (await this.backend.search(words, filters)).map(({ record, positions }) => ({
      record,
      positionsOf: (word) => {
        const held = positions[column.get(word)!]!;
        // A word written once per article is kept by slot (tokens.ts): where that slot's headline or body begins.
        return isOnceWord(word) ? held.map((position) => onceSlotPosition(position, this.layout)) : held;
      },
    }));
  }

  /** Where the probes sit, each at its offset from the first (at 0): per record, the starts. */
  private async probedStarts(probes: readonly Probe[], filters: SearchFilters | undefined): Promise<Starts> {
    const [first, ...others] = probes;
    if (!first) return [];
    const starts: Starts = [];
    for (const { record, positionsOf } of await this.holding(probes, filters)) {
      const found = startsWithAll(positionsOf(first.word), others, positionsOf);
      if (found.length > 0) starts.push({ record, positions: found });
    }
    return starts;
  }

  /** The starts that the other probes confirm. */
  private async narrowed(
    starts: Starts,
    probes: readonly Probe[],
    filters: SearchFilters | undefined,
  ): Promise<Starts> {
    if (probes.length === 0 || starts.length === 0) return starts;
    const held = new Map((await this.holding(probes, filters)).map((hits) => [hits.record, hits.positionsOf]));
    const kept: Starts = [];
    for (const { record, positions } of starts) {
      const positionsOf = held.get(record);
      if (!positionsOf) continue;
      const found = startsWithAll(positions, probes, positionsOf);
      if (found.length > 0) kept.push({ record, positions: found });
    }
    return kept;
  }

  /** The slot a position is in: an over-long article has its record to itself. */
  private slotOf(position: number, wholeRecord: boolean): number {
    return wholeRecord ? 0 : Math.floor(position / this.layout.slotWidth);
  }

  /** How many articles the starts fall in, counted up to `limit`. */
  private async articleCount(starts: Starts, limit: number): Promise<number> {
    const overflow = await this.backend.overflowRecords();
    let count = 0;
    for (const { record, positions } of starts) {
      let slot = -1;
      for (const position of positions) {
        const at = this.slotOf(position, overflow.has(record));
        if (at !== slot) [slot, count] = [at, count + 1];
      }
      if (count >= limit) break;
    }
    return count;
  }

  /** The starts where the articles' own text has the term: each article's text read once. */
  private async confirmedByText(starts: Starts, term: string): Promise<Starts> {
    const overflow = await this.backend.overflowRecords();
    const confirmed = await Promise.all(
      starts.map(async ({ record, positions }) => {
        const whole = overflow.has(record);
        const bySlot = new Map<number, number[]>();
        for (const position of positions) {
          const slot = this.slotOf(position, whole);
          const found = bySlot.get(slot);
          if (found) found.push(position);
          else bySlot.set(slot, [position]);
        }
        // Positions ascend, so slots come in order.
        const perSlot = await Promise.all(
          [...bySlot].map(async ([slot, found]) => {
            const base = whole ? 0 : slot * this.layout.slotWidth;
            const { text, decks } = await this.backend.articleText(record, slot);
            const fields = { decks: text.slice(0, decks), paragraphs: text.slice(decks) };
            const offsets = found.map((position) => position - base);
            return termStartsInSlot(fields, term, offsets).map((offset) => offset + base);
          }),
        );
        return { record, positions: perSlot.flat() };
      }),
    );
    return confirmed.filter(({ positions }) => positions.length > 0);
  }

  /**
   * Whether looking the query's long terms up by some probes first takes fewer waves of
   * files than asking for all its words at once.
   */
  private firstLookSaves(query: AnalysedQuery): boolean {
    // Counted by bucket: a headline word is in its anchor's (headlines.ts), mostly one the query probes first anyway.
    const headlineBuckets = headlineWordsOf(query).map(bucketOf);
    const all = new Set(headlineBuckets);
    const first = new Set(headlineBuckets);
    for (const { probes } of query.terms.flatMap((term) => term.variants)) {
      for (const { word } of probes) all.add(bucketOf(word));
      const asked = probes.length > this.lookup.probesFirst ? spreadOut(probes, this.lookup.probesFirst) : probes;
      for (const { word } of asked) first.add(bucketOf(word));
    }
    const waves = (files: number) => Math.ceil(files / this.lookup.filesAtOnce);
    return waves(first.size) < waves(all.size);
  }

  /** Where a term occurs, by article, united over its readings. */
  async matchTerm(term: QueryTerm, filters?: SearchFilters, firstLook = true): Promise<TermColumns> {
    const overflow = await this.backend.overflowRecords();
    const { slotWidth, headlineRegion } = this.layout;
    const perVariant = await Promise.all(
      term.variants.map((variant) => this.phraseStarts(variant, filters, firstLook)),
    );
    const tables = perVariant.map((starts) => {
      let size = 0;
      for (const { positions } of starts) size += positions.length;
      const { articles, counts, firsts, inHeadline } = columns(size);
      let last = -1;
      for (const { record, positions } of starts) {
        // An over-long article has its record to itself: every position is its own.
        const whole = overflow.has(record);
        const firstArticle = record * SLOTS_PER_RECORD;
        // Positions ascend, so an article's hits come together, its first hit first.
        let slot = -1;
        for (let index = 0; index < positions.length; index++) {
          const position = positions[index]!;
          const at = this.slotOf(position, whole);
          const offset = position - at * slotWidth;
          if (at !== slot) {
            slot = at;
            last++;
            articles[last] = firstArticle + at;
            firsts[last] = offset;
          }
          counts[last]!++;
          if (offset < headlineRegion) inHeadline[last] = 1;
        }
      }
      return cut({ articles, counts, firsts, inHeadline }, last + 1);
    });
    const [first, ...others] = tables;
    return others.reduce(uniteColumns, first ?? columns(0));
  }

  /**
   * The articles that have the whole query as a headline deck (headlines.ts): 2 where it is
   * printed as typed, else 1. None, rather than an error, where the words cannot be read.
   */
  private async headlineDecks(query: AnalysedQuery, filters: SearchFilters | undefined): Promise<Map<number, number>> {
    const decks = new Map<number, number>();
    const lookUp = async (word: string, value: (mark: number) => number) => {
      for (const { record, positions } of await this.backend.search([word], filters).catch(() => [])) {
        // A deck's word is written once per article (tokens.ts, oncePosition): at twice the slot, plus its mark.
        for (const position of positions[0]!) {
          const article = record * SLOTS_PER_RECORD + Math.floor(position / 2);
          decks.set(article, Math.max(decks.get(article) ?? 0, value(position % 2)));
        }
      }
    };
    const { headlineWords, printedHeadline: printed } = query;
    await Promise.all([
      ...headlineWords.map((word) => lookUp(word, () => 1)),
      ...(printed ? [lookUp(printed.word, (mark) => (!printed.plain || mark === PRINTED_PLAIN_MARK ? 2 : 1))] : []),
    ]);
    return decks;
  }

  /** The articles that hold every term of the query. */
  async match(query: AnalysedQuery, filters?: SearchFilters): Promise<MatchResult> {
    // Every word the query needs is asked for at once: one wait, not one per term.
    const headlines = this.headlineDecks(query, filters);
    const firstLook = this.firstLookSaves(query);
    const perTerm = await Promise.all(query.terms.map((term) => this.matchTerm(term, filters, firstLook)));
    const documentFrequency = perTerm.map((hits) => hits.articles.length);
    const { articles, rows } = intersect(perTerm);
    const terms = perTerm.map((table, term): MatchedTerm => {
      const row = rows[term];
      if (!row) return table;
      const picked = columns(row.length);
      for (let match = 0; match < row.length; match++) {
        picked.counts[match] = table.counts[row[match]!]!;
        picked.firsts[match] = table.firsts[row[match]!]!;
        picked.inHeadline[match] = table.inHeadline[row[match]!]!;
      }
      return picked;
    });
    const headline = new Uint8Array(articles.length);
    const decks = await headlines;
    if (decks.size > 0)
      for (let index = 0; index < articles.length; index++) headline[index] = decks.get(articles[index]!) ?? 0;
    return new MatchResult(articles, terms, headline, documentFrequency, (record) => this.backend.recordName(record));
  }
}

/** The query's headline words, printed and not. */
function headlineWordsOf(query: AnalysedQuery): string[] {
  return query.printedHeadline ? [...query.headlineWords, query.printedHeadline.word] : query.headlineWords;
}

/** The articles of two readings' hits, counts added (two readings never share a position). */
function uniteColumns(a: TermColumns, b: TermColumns): TermColumns {
  const united = columns(a.articles.length + b.articles.length);
  let i = 0;
  let j = 0;
  let length = 0;
  const take = (from: TermColumns, index: number) => {
    united.articles[length] = from.articles[index]!;
    united.counts[length] = from.counts[index]!;
    united.firsts[length] = from.firsts[index]!;
    united.inHeadline[length] = from.inHeadline[index]!;
    length++;
  };
  while (i < a.articles.length || j < b.articles.length) {
    const left = i < a.articles.length ? a.articles[i]! : Infinity;
    const right = j < b.articles.length ? b.articles[j]! : Infinity;
    if (left < right) take(a, i++);
    else if (right < left) take(b, j++);
    else {
      take(a, i++);
      united.counts[length - 1]! += b.counts[j]!;
      united.firsts[length - 1] = Math.min(united.firsts[length - 1]!, b.firsts[j]!);
      united.inHeadline[length - 1]! |= b.inHeadline[j]!;
      j++;
    }
  }
  return cut(united, length);
}

/**
 * The articles every table holds, ascending, and for each table the row of each of them;
 * a single table is its own answer (no rows: the match is the row).
 */
function intersect(tables: readonly TermColumns[]): {
  articles: ArrayLike<number>;
  rows: Array<Int32Array | undefined>;
} {
  if (tables.length <= 1) return { articles: tables[0]?.articles ?? [], rows: [] };
  const { values, rows } = intersectAscending(tables.map((table) => table.articles));
  return { articles: values, rows };
}

/** The starts that have each probe's word at the probe's offset further on. */
function startsWithAll(
  starts: number[],
  probes: readonly Probe[],
  positionsOf: (word: string) => readonly number[],
): number[] {
  let found = starts;
  for (const probe of probes) {
    if (found.length === 0) break;
    found = startsFollowedBy(found, positionsOf(probe.word), probe.offset);
  }
  return found;
}

/** `count` (two or more) of the probes: the first, the last, and the others spread evenly between. */
function spreadOut(probes: readonly Probe[], count: number): Probe[] {
  const last = probes.length - 1;
  const picked = new Set<number>();
  for (let index = 0; index < count; index++) picked.add(Math.round((index * last) / (count - 1)));
  return [...picked].sort((a, b) => a - b).map((index) => probes[index]!);
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
