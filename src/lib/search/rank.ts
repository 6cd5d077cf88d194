/**
 * The order results are shown in. By relevance: an article whose headline the query is
 * (as printed before one that differs only in punctuation), then articles with every term
 * in a headline deck, then with some, then the rest; within each, by tf–idf of the terms
 * as phrases (how often, how rare), earlier first hits first, then in archive order.
 * Or newest first, by issue date, relevance breaking ties.
 *
 * A common word matches tens of thousands of articles and the first screen shows 20, so a
 * ranking sorts only as far as it is read: its first articles are picked out in one pass,
 * and the whole order is sorted when more than those is asked for. Sort keys are worked
 * out once, from the engine's columns, into typed arrays.
 */
import type { ArticleMatch, MatchResult } from './engine';

/** Compares two matches by their index in the result: negative when the first goes first. */
type Order = (a: number, b: number) => number;

export class Ranking {
  private sorted: Uint32Array | undefined;
  private head: number[] = [];

  constructor(
    /** The engine's matches, which `order` indexes. */
    readonly result: MatchResult,
    /** A total order: no two matches compare equal. */
    readonly order: Order,
  ) {}

  get length(): number {
    return this.result.length;
  }

  /** The matches from `start` up to `end` in ranked order. */
  slice(start: number, end: number): ArticleMatch[] {
    return this.indexes(start, end).map((index) => this.result.match(index));
  }

  all(): ArticleMatch[] {
    return this.slice(0, this.length);
  }

  /** The result's indexes of the matches from `start` up to `end` in ranked order. */
  indexes(start: number, end: number): number[] {
    if (this.sorted) return [...this.sorted.subarray(start, end)];
    const wanted = Math.min(end, this.length);
    if (wanted > this.head.length) {
      if (start > 0 || wanted > FIRST_PICKED) {
        this.sorted = Uint32Array.from({ length: this.length }, (_, index) => index).sort(this.order);
        return [...this.sorted.subarray(start, end)];
      }
      this.head = this.firstOf(wanted);
    }
    return this.head.slice(start, end);
  }

  /** The first n in order, in one pass with a sorted list of n: far fewer comparisons than a sort. */
  private firstOf(n: number): number[] {
    const first: number[] = [];
    for (let index = 0; index < this.length; index++) {
      if (first.length === n && this.order(index, first[n - 1]!) > 0) continue;
      let low = 0;
      let high = first.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (this.order(first[middle]!, index) < 0) low = middle + 1;
        else high = middle;
      }
      first.splice(low, 0, index);
      if (first.length > n) first.pop();
    }
    return first;
  }
}

/** Past this many, picking the first ones costs more than sorting them all. */
const FIRST_PICKED = 100;

function idfs(documentFrequency: readonly number[], total: number): number[] {
  return documentFrequency.map((frequency) => Math.log(1 + total / Math.max(1, frequency)));
}

export function rankByRelevance(result: MatchResult, total: number): Ranking {
  const idf = idfs(result.documentFrequency, total);
  const count = result.length;
  const tiers = new Uint8Array(count);
  const scores = new Float64Array(count);
  const firsts = new Float64Array(count).fill(Infinity);
  const inHeadline = new Uint8Array(count);
  result.terms.forEach((term, index) => {
    const weight = idf[index] ?? 0;
    for (let match = 0; match < count; match++) {
      scores[match]! += weight * (1 + Math.log(term.counts[match]!));
      if (term.firsts[match]! < firsts[match]!) firsts[match] = term.firsts[match]!;
      inHeadline[match]! += term.inHeadline[match]!;
    }
  });
  const terms = result.terms.length;
  for (let match = 0; match < count; match++) {
    const headline = result.headline[match]!;
    tiers[match] =
      headline === 2 ? 0 : headline === 1 ? 1 : inHeadline[match] === terms ? 2 : inHeadline[match]! > 0 ? 3 : 4;
  }
  const { articles } = result;
  return new Ranking(
    result,
    (a, b) =>
      tiers[a]! - tiers[b]! ||
      scores[b]! - scores[a]! ||
      firsts[a]! - firsts[b]! ||
      // Archive order: article numbers follow it.
      articles[a]! - articles[b]!,
  );
}

/** Newest first; relevance order among articles of the same date. `dateOf` gets a record's number and a slot. */
export function rankByDate(relevance: Ranking, dateOf: (record: number, slot: number) => string): Ranking {
  const { result } = relevance;
  const dates = Array.from({ length: result.length }, (_, index) => dateOf(result.record(index), result.slot(index)));
  return new Ranking(result, (a, b) =>
    dates[a]! < dates[b]! ? 1 : dates[a]! > dates[b]! ? -1 : relevance.order(a, b),
  );
}
