/**
 * nodejieba behind one small module. It is a native addon: build-time only, never in the
 * browser. Its dictionary loads once per process, on first use.
 *
 * An article's text is cut once: its keywords and the long words the search index keeps both
 * come from that one cut. (nodejieba.extract cuts the text again, the same way: segmenting
 * was half the ingest's time.)
 */
import { readFileSync } from 'node:fs';
import nodejieba from 'nodejieba';

/** Milliseconds this thread has spent in nodejieba, for the build's account of its stages. */
export let segmentingTime = 0;

function timed<T>(work: () => T): T {
  const start = performance.now();
  try {
    return work();
  } finally {
    segmentingTime += performance.now() - start;
  }
}

/** Words of the text in reading order (jieba's default mode, HMM on for unknown names). */
export function segment(text: string): string[] {
  return timed(() => nodejieba.cut(text, true));
}

interface KeywordWeights {
  /** Inverse document frequency by word, from jieba's own table. */
  idf: Map<string, number>;
  /** What a word missing from the table counts: the table's mean, as jieba's extractor takes it. */
  unknownIdf: number;
  /** The most any one use of a word can weigh. */
  highestIdf: number;
  stopWords: Set<string>;
}

let weights: KeywordWeights | undefined;

/** nodejieba's own tables (its type declarations leave their paths out). */
const tables = nodejieba as typeof nodejieba & { DEFAULT_IDF_DICT: string; DEFAULT_STOP_WORD_DICT: string };

function keywordWeights(): KeywordWeights {
  if (weights) return weights;
  const idf = new Map<string, number>();
  let sum = 0;
  let lines = 0;
  let highest = 0;
  for (const line of readFileSync(tables.DEFAULT_IDF_DICT, 'utf8').split('\n')) {
    if (!line) continue;
    lines++;
    const [word, value, extra] = line.split(' ');
    if (word === undefined || value === undefined || extra !== undefined) continue;
    const number = Number.parseFloat(value);
    idf.set(word, number);
    sum += number;
    highest = Math.max(highest, number);
  }
  const stopWords = new Set(readFileSync(tables.DEFAULT_STOP_WORD_DICT, 'utf8').split('\n'));
  const unknownIdf = sum / lines;
  weights = { idf, unknownIdf, highestIdf: Math.max(unknownIdf, highest), stopWords };
  return weights;
}

/** A word worth listing as a keyword: two characters or more, with a letter in it. */
function isKeyword(word: string): boolean {
  return [...word].length >= 2 && /[\p{Script=Han}A-Za-z]/u.test(word) && !/^[\d.%]+$/u.test(word);
}

/** A word with its weight, and its place among the text's words by first use (which breaks ties). */
interface Weighed {
  word: string;
  weight: number;
  order: number;
}

const outranks = (a: Weighed, b: Weighed) => a.weight > b.weight || (a.weight === b.weight && a.order < b.order);

/**
 * The top terms of a text by TF-IDF, best first, from its words in reading order: jieba's
 * keyword extraction (its IDF table and stop words), with ties going to the word that comes
 * first in the text, where jieba's order among equals is arbitrary.
 *
 * Words are weighed most used first, and only while they could still make the list: a word
 * used n times weighs at most n × the highest IDF, so once that is below the last kept weight
 * the rest are left (most of an article's words are used once; looking each up in the
 * 260,000-word table was a fifth of the ingest's time).
 */
export function keywordsOf(words: readonly string[], count = 8): string[] {
  const { idf, unknownIdf, highestIdf, stopWords } = keywordWeights();
  if (count <= 0) return [];
  const frequency = new Map<string, number>();
  // Most words are one character (one code unit), never a keyword: they are not counted.
  for (const word of words) if (word.length >= 2) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  // Map order is first occurrence, and the sort is stable.
  const byUse = [...frequency]
    .map(([word, times], order) => ({ word, times, order }))
    .sort((a, b) => b.times - a.times);
  const kept: Weighed[] = [];
  for (const { word, times, order } of byUse) {
    const last = kept.length === count ? kept[count - 1]! : undefined;
    if (last && times * highestIdf < last.weight) break;
    if (stopWords.has(word) || !isKeyword(word)) continue;
    const candidate = { word, weight: times * (idf.get(word) ?? unknownIdf), order };
    if (last && !outranks(candidate, last)) continue;
    if (last) kept.pop();
    let at = kept.length;
    while (at > 0 && outranks(candidate, kept[at - 1]!)) at--;
    kept.splice(at, 0, candidate);
  }
  return kept.map(({ word }) => word);
}

/** The distinct words that are three characters or longer, for the search index's word-by-word fallback. */
export function longWordsOf(words: readonly string[]): string[] {
  return [...new Set(words)].filter((word) => [...word].length >= 3 && /[\p{L}\p{N}]/u.test(word)).sort();
}
