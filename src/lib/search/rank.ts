/**
 * The order results are shown in. By relevance: an article whose headline the query is
 * (as printed before one that differs only in punctuation), then articles with every term in a headline deck, then with some, then the rest; within
 * each, by tf–idf of the terms as phrases (how often, how rare), earlier first hits first,
 * then in archive order.
 * Or newest first, by issue date, relevance breaking ties.
 */
import { SLOTS_PER_RECORD, type ArticleMatch } from './engine';

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

/**
 * Ties go in archive order: by record name, then slot. A common word matches tens of
 * thousands of articles, so every sort key is worked out once, into typed arrays.
 */
export function rankByRelevance(
  matches: readonly ArticleMatch[],
  documentFrequency: readonly number[],
  total: number,
): ArticleMatch[] {
  const idf = idfs(documentFrequency, total);
  const records = [...new Set(matches.map((match) => match.record))].sort();
  const recordOrder = new Map(records.map((record, index) => [record, index]));
  const count = matches.length;
  const tiers = new Uint8Array(count);
  const scores = new Float64Array(count);
  const firsts = new Float64Array(count);
  const archiveOrder = new Float64Array(count);
  const order = new Uint32Array(count);
  matches.forEach((match, index) => {
    tiers[index] = tier(match);
    scores[index] = score(match, idf);
    firsts[index] = firstHit(match);
    archiveOrder[index] = recordOrder.get(match.record)! * SLOTS_PER_RECORD + match.slot;
    order[index] = index;
  });
  order.sort(
    (a, b) =>
      tiers[a]! - tiers[b]! ||
      scores[b]! - scores[a]! ||
      firsts[a]! - firsts[b]! ||
      archiveOrder[a]! - archiveOrder[b]!,
  );
  return Array.from(order, (index) => matches[index]!);
}

/** Newest first; relevance order among articles of the same date. */
export function rankByDate(ranked: readonly ArticleMatch[], dateOf: (match: ArticleMatch) => string): ArticleMatch[] {
  const dates = ranked.map(dateOf);
  const order = Uint32Array.from(ranked.keys());
  order.sort((a, b) => (dates[a]! < dates[b]! ? 1 : dates[a]! > dates[b]! ? -1 : a - b));
  return Array.from(order, (index) => ranked[index]!);
}
