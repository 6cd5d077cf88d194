/**
 * The order results are shown in. By relevance: an article whose headline the query is
 * (as printed before one that differs only in punctuation), then articles with every term in a headline deck, then with some, then the rest; within
 * each, by tf–idf of the terms as phrases (how often, how rare), earlier first hits first.
 * Or newest first, by issue date, relevance breaking ties.
 */
import type { ArticleMatch } from './engine';

function tier(match: ArticleMatch): number {
  if (match.printedHeadline) return 0;
  if (match.exactHeadline) return 1;
  const inHeadline = match.terms.filter((term) => term.inHeadline).length;
  if (inHeadline === match.terms.length) return 2;
  return inHeadline > 0 ? 3 : 4;
}

export function relevance(match: ArticleMatch, documentFrequency: readonly number[], total: number): number {
  return match.terms.reduce((score, term, index) => {
    const idf = Math.log(1 + total / Math.max(1, documentFrequency[index] ?? 1));
    return score + idf * (1 + Math.log(term.count));
  }, 0);
}

function firstHit(match: ArticleMatch): number {
  return Math.min(...match.terms.map((term) => term.first));
}

export function rankByRelevance(
  matches: Iterable<ArticleMatch>,
  documentFrequency: readonly number[],
  total: number,
): ArticleMatch[] {
  const scored = [...matches].map((match) => ({
    match,
    tier: tier(match),
    score: relevance(match, documentFrequency, total),
    first: firstHit(match),
  }));
  scored.sort(
    (a, b) =>
      a.tier - b.tier ||
      b.score - a.score ||
      a.first - b.first ||
      (a.match.key < b.match.key ? -1 : a.match.key > b.match.key ? 1 : 0),
  );
  return scored.map((entry) => entry.match);
}

/** Newest first; relevance order among articles of the same date. */
export function rankByDate(ranked: readonly ArticleMatch[], dateOf: (match: ArticleMatch) => string): ArticleMatch[] {
  const position = new Map(ranked.map((match, index) => [match.key, index]));
  return [...ranked].sort((a, b) => {
    const [dateA, dateB] = [dateOf(a), dateOf(b)];
    return dateA < dateB ? 1 : dateA > dateB ? -1 : position.get(a.key)! - position.get(b.key)!;
  });
}
