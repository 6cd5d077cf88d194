/**
 * The looser search offered when nothing contains the query as typed: its words, each
 * somewhere in the article. The query is cut into the archive's own jieba words — the
 * longest word of the index starting at each point (forward maximum matching), else two
 * characters, else one — so 嘉兴人工智能发展 reads 嘉兴 / 人工智能 / 发展.
 */
import { termVariant, type AnalysedQuery, type QueryTerm } from './query';

/** Longest word tried, in characters. */
const LONGEST_WORD = 8;

/** Cuts normalised text into words, asking `isWord` about candidates of three or more characters. */
export async function segmentLoose(text: string, isWord: (word: string) => Promise<boolean>): Promise<string[]> {
  const chars = [...text];
  const words: string[] = [];
  let index = 0;
  while (index < chars.length) {
    let taken = 0;
    for (let length = Math.min(LONGEST_WORD, chars.length - index); length >= 3; length--) {
      if (await isWord(chars.slice(index, index + length).join(''))) {
        taken = length;
        break;
      }
    }
    if (taken === 0) taken = Math.min(2, chars.length - index);
    words.push(chars.slice(index, index + taken).join(''));
    index += taken;
  }
  return words;
}

/**
 * The query as its words: each term's first reading cut into words, every word a term of
 * its own. Undefined when that is no looser than the query (every term one word already).
 */
export async function looseQuery(
  query: AnalysedQuery,
  isWord: (word: string) => Promise<boolean>,
): Promise<AnalysedQuery | undefined> {
  const terms: QueryTerm[] = [];
  for (const term of query.terms) {
    const reading = term.variants[0]?.text ?? term.text;
    for (const word of await segmentLoose(reading, isWord)) {
      terms.push({ typed: word, text: word, variants: [termVariant(word)] });
    }
  }
  if (terms.length <= query.terms.length) return undefined;
  return { typed: query.typed, terms, headlineWords: [], printedHeadline: undefined, converted: query.converted };
}
