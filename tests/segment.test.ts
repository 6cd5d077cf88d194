import fc from 'fast-check';
import nodejieba from 'nodejieba';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { searchableFields } from '../src/lib/search/record';
import { keywordsOf, longWordsOf, segment } from '../scripts/lib/segment';
import { parseSeed, SEEDS_DIR } from './helpers/seeds';
import { readdirSync } from 'node:fs';

const seedArticles = readdirSync(SEEDS_DIR)
  .filter((file) => file.endsWith('.txt'))
  .flatMap((file) => parseSeed(file).articles);
const textOf = (article: (typeof seedArticles)[number]) => {
  const { decks, paragraphs } = searchableFields(article);
  return [...decks, ...paragraphs].join('\n');
};

describe('keywords and search words from one cut of an article', () => {
  test('the keywords of every seed article are the words jieba’s own TF-IDF ranks highest', () => {
    expect(seedArticles.length).toBeGreaterThan(20);
    for (const article of seedArticles) {
      const text = textOf(article);
      const keywords = keywordsOf(segment(text));
      // jieba's extractor over every word of the text, with its weights.
      const ranked = nodejieba.extract(text, 10_000);
      const weight = new Map(ranked.map(({ word, weight }) => [word, weight]));
      expect(keywords.length, article.headline).toBe(Math.min(8, new Set(keywords).size));
      for (const keyword of keywords) expect(weight.has(keyword), `${keyword} in ${article.headline}`).toBe(true);
      // No word jieba weighs more was passed over, unless it is no keyword (a number, a single character).
      const lowest = Math.min(...keywords.map((keyword) => weight.get(keyword)!));
      const passedOver = ranked.filter(
        ({ word, weight: value }) => value > lowest + 1e-9 && !keywords.includes(word) && /\p{Script=Han}/u.test(word),
      );
      expect(passedOver, article.headline).toEqual([]);
      // Best first.
      const weights = keywords.map((keyword) => weight.get(keyword)!);
      expect(weights).toEqual([...weights].sort((a, b) => b - a));
    }
  });

  test('among words of equal weight, the one the article uses first comes first', () => {
    // Two made-up words jieba has no IDF for, once each: equal weights.
    const words = ['湖嘉平钱', '的', '戊己庚辛'];
    expect(keywordsOf(words)).toEqual(['湖嘉平钱', '戊己庚辛']);
    expect(keywordsOf([...words].reverse())).toEqual(['戊己庚辛', '湖嘉平钱']);
  });

  test('keywords are the same as weighing every word of the article and taking the best', () => {
    // The plain way: jieba's tables read here, every word weighed, a stable sort.
    const idfTable = (nodejieba as unknown as { DEFAULT_IDF_DICT: string }).DEFAULT_IDF_DICT;
    const stopTable = (nodejieba as unknown as { DEFAULT_STOP_WORD_DICT: string }).DEFAULT_STOP_WORD_DICT;
    const idf = new Map<string, number>();
    const lines = readFileSync(idfTable, 'utf8').split('\n').filter(Boolean);
    for (const line of lines) {
      const [word, value, extra] = line.split(' ');
      if (word && value !== undefined && extra === undefined) idf.set(word, Number.parseFloat(value));
    }
    const unknown = [...idf.values()].reduce((sum, value) => sum + value, 0) / lines.length;
    const stopWords = new Set(readFileSync(stopTable, 'utf8').split('\n'));
    const weighAll = (words: readonly string[]) => {
      const times = new Map<string, number>();
      for (const word of words) times.set(word, (times.get(word) ?? 0) + 1);
      return [...times]
        .filter(([word]) => [...word].length >= 2 && !stopWords.has(word) && /\p{Script=Han}|[A-Za-z]/u.test(word))
        .filter(([word]) => !/^[\d.%]+$/u.test(word))
        .map(([word, n]) => ({ word, weight: n * (idf.get(word) ?? unknown) }))
        .sort((a, b) => b.weight - a.weight)
        .slice(0, 8)
        .map(({ word }) => word);
    };
    // Words of the seed articles (common and rare), words jieba has no weight for, stop words, numbers.
    const vocabulary = [
      ...new Set(seedArticles.slice(0, 6).flatMap((article) => segment(textOf(article)))),
      '湖嘉平钱',
      '戊己庚辛',
      '我们',
      '2026',
    ];
    // As in an article: a few words used many times, and many used once or twice.
    const often = fc
      .shuffledSubarray(vocabulary, { minLength: 1, maxLength: 12 })
      .chain((words) => fc.array(fc.constantFrom(...words), { maxLength: 120 }));
    const seldom = fc.shuffledSubarray(vocabulary, { maxLength: 60 });
    fc.assert(
      fc.property(often, seldom, fc.shuffledSubarray(vocabulary, { maxLength: 20 }), (common, once, twice) => {
        const text = [...once, ...common, ...twice, ...twice];
        expect(keywordsOf(text)).toEqual(weighAll(text));
      }),
      { numRuns: 500 },
    );
  });

  test('stop words, single characters and bare numbers are never keywords', () => {
    expect(keywordsOf(['我们', '的', '人', '2026', '3.5%', '嘉兴'])).toEqual(['嘉兴']);
  });

  test('the words kept for the search index are the distinct words of three characters or more, in order', () => {
    expect(longWordsOf(segment('平湖市人工智能产业园,平湖市人工智能产业园。'))).toEqual(
      [...new Set(segment('平湖市人工智能产业园').filter((word) => [...word].length >= 3))].sort(),
    );
  });
});
