/**
 * The order results are shown in. By relevance: an article whose headline the query is
 * (as printed before one that differs only in punctuation), then articles with every term in a headline deck, then with some, then the rest; within
 * each, by tf–idf of the terms as phrases (how often, how rare), earlier first hits first,
 * then in archive order.
 * Or newest first, by issue date, relevance breaking ties.
 *
 * A common word matches tens of thousands of articles and the first screen shows 20, so a
 * ranking sorts only as far as it is read: its first articles are picked out in one pass,
 * and the whole order is sorted when more than those is asked for.
 */
import type { ArticleMatch } from './engine';

/** Compares two matches by their index in the ranking's list: negative when the first goes first. */
type Order = (a: number, b: number) => number;

export class Ranking {
  private sorted: ArticleMatch[] | undefined;
  private head: ArticleMatch[] = [];

  constructor(
    /** The matches in the engine's order, which `order` indexes. */
    readonly matches: readonly ArticleMatch[],
    /** A total order: no two matches compare equal. */
    readonly order: Order,
  ) {}

  get length(): number {
    return this.matches.length;
  }

  /** The matches from `start` up to `end` in ranked order. */
  slice(start: number, end: number): ArticleMatch[] {
    if (this.sorted) return this.sorted.slice(start, end);
    const wanted = Math.min(end, this.matches.length);
    if (wanted > this.head.length) {
      if (start > 0 || wanted > FIRST_PICKED) return this.all().slice(start, end);
      this.head = this.firstOf(wanted);
    }
    return this.head.slice(start, end);
  }

  all(): ArticleMatch[] {
    this.sorted ??= Array.from(Uint32Array.from(this.matches.keys()).sort(this.order), (index) => this.matches[index]!);
    return this.sorted;
  }

  /** The first n in order, in one pass with a sorted list of n: far fewer comparisons than a sort. */
  private firstOf(n: number): ArticleMatch[] {
    const first: number[] = [];
    for (let index = 0; index < this.matches.length; index++) {
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
    return first.map((index) => this.matches[index]!);
  }
}

/** Past this many, picking the first ones costs more than sorting them all. */
const FIRST_PICKED = 100;

function tier(match: ArticleMatch): number {
  if (match.printedHeadline) return 0;
  if (match.exactHeadline) return 1;
  let inHeadline = 0;
  for (const term of match.terms) if (term.inHeadline) inHeadline++;
  if (inHeadline === match.terms.length) return 2;
  return inHeadline > 0 ? 3 : 4;
}

function idfs(documentFrequency: readonly number[], total: number): number[] {
  return documentFrequency.map((frequency) => Math.log(1 + total / Math.max(1, frequency)));
}

function score(match: ArticleMatch, idf: readonly number[]): number {
  let sum = 0;
  match.terms.forEach((term, index) => (sum += (idf[index] ?? 0) * (1 + Math.log(term.count))));
  return sum;
}

function firstHit(match: ArticleMatch): number {
  let first = Infinity;
  for (const term of match.terms) if (term.first < first) first = term.first;
  return first;
}

/** Archive order: by record name, then slot. */
function archiveOrder(a: ArticleMatch, b: ArticleMatch): number {
  return a.record < b.record ? -1 : a.record > b.record ? 1 : a.slot - b.slot;
}

/** Every sort key but archive order is worked out once per match, into typed arrays. */
export function rankByRelevance(
  matches: readonly ArticleMatch[],
  documentFrequency: readonly number[],
  total: number,
): Ranking {
  const idf = idfs(documentFrequency, total);
  const count = matches.length;
  const tiers = new Uint8Array(count);
  const scores = new Float64Array(count);
  const firsts = new Float64Array(count);
  matches.forEach((match, index) => {
    tiers[index] = tier(match);
    scores[index] = score(match, idf);
    firsts[index] = firstHit(match);
  });
  return new Ranking(
    matches,
    (a, b) =>
      tiers[a]! - tiers[b]! ||
      scores[b]! - scores[a]! ||
      firsts[a]! - firsts[b]! ||
      archiveOrder(matches[a]!, matches[b]!),
  );
}

/** Newest first; relevance order among articles of the same date. */
export function rankByDate(relevance: Ranking, dateOf: (match: ArticleMatch) => string): Ranking {
  const dates = relevance.matches.map(dateOf);
  return new Ranking(relevance.matches, (a, b) =>
    dates[a]! < dates[b]! ? 1 : dates[a]! > dates[b]! ? -1 : relevance.order(a, b),
  );
}
