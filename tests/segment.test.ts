import nodejieba from 'nodejieba';
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

  test('stop words, single characters and bare numbers are never keywords', () => {
    expect(keywordsOf(['我们', '的', '人', '2026', '3.5%', '嘉兴'])).toEqual(['嘉兴']);
  });

  test('the words kept for the search index are the distinct words of three characters or more, in order', () => {
    expect(longWordsOf(segment('平湖市人工智能产业园,平湖市人工智能产业园。'))).toEqual(
      [...new Set(segment('平湖市人工智能产业园').filter((word) => [...word].length >= 3))].sort(),
    );
  });
});
