/**
 * Three-character words for the commonest bigrams. A bigram such as 产业 or 发展 is in
 * tens of thousands of articles, so a long term probed by it fetches its positions in all
 * of them: a two-deck headline of such bigrams fetched some 750 KB. Where one of these
 * bigrams is followed by a character in the same field, the index also writes the three
 * characters as a word at the bigram's position (tokens.ts), and a term holding them is
 * probed by that far rarer word (query.ts).
 *
 * The list is fixed in code (common-bigrams.ts), so that a day added changes no earlier
 * shard; it is drawn from the archive's own pages by `npm run gen:common-bigrams`. Each
 * listed bigram adds as many words as it has occurrences, so the list stays short: the
 * 300 commonest bigrams are about a quarter of the bigrams (24% of the 50,000 generated
 * articles'), and their trigrams added 32 MB to that archive's index.
 */
import { COMMON_BIGRAMS } from './common-bigrams';

/** Two characters of the Basic Multilingual Plane as one number. */
export function pairKey(first: string, second: string): number {
  return ((first.charCodeAt(0) << 16) | second.charCodeAt(0)) >>> 0;
}

const EXTENDED = new Set(COMMON_BIGRAMS.map((bigram) => pairKey(bigram[0]!, bigram[1]!)));

/** Whether the bigram of these two (normalised) characters is written with the character after it too. */
export function isExtendedBigram(first: string, second: string): boolean {
  return first.length === 1 && second.length === 1 && EXTENDED.has(pairKey(first, second));
}

/**
 * The `count` commonest bigrams of normalised fields, commonest first (ties in code unit
 * order), of two characters of the Basic Multilingual Plane each (what the list can hold),
 * and occurring at least `least` times.
 */
export function commonestBigrams(fields: Iterable<readonly string[]>, count: number, least = 2): string[] {
  const occurrences = new Map<string, number>();
  for (const chars of fields)
    for (let index = 0; index + 1 < chars.length; index++) {
      const [first, second] = [chars[index]!, chars[index + 1]!];
      if (first.length !== 1 || second.length !== 1) continue;
      occurrences.set(first + second, (occurrences.get(first + second) ?? 0) + 1);
    }
  return [...occurrences]
    .filter(([, times]) => times >= least)
    .sort(([a, timesA], [b, timesB]) => timesB - timesA || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, count)
    .map(([bigram]) => bigram);
}
