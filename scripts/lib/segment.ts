/**
 * nodejieba behind one small module. It is a native addon: build-time only, never in the
 * browser. Its dictionary loads once per process, on first use.
 */
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

/** A word worth listing as a keyword: two characters or more, with a letter in it. */
function isKeyword(word: string): boolean {
  return [...word].length >= 2 && /[\p{Script=Han}A-Za-z]/u.test(word) && !/^[\d.%]+$/u.test(word);
}

/** The top terms of a text by nodejieba's TF-IDF, best first. */
export function keywords(text: string, count = 8): string[] {
  return timed(() => nodejieba.extract(text, count * 2))
    .map(({ word }) => word)
    .filter(isKeyword)
    .slice(0, count);
}

/** The distinct words of a text that are three characters or longer, for the search index's word-by-word fallback. */
export function longWords(text: string): string[] {
  const words = new Set<string>();
  for (const word of segment(text)) if ([...word].length >= 3 && /[\p{L}\p{N}]/u.test(word)) words.add(word);
  return [...words].sort();
}
