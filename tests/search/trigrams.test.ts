import { describe, expect, test } from 'vitest';
import { COMMON_BIGRAMS } from '../../src/lib/search/common-bigrams';
import { commonestBigrams, isExtendedBigram } from '../../src/lib/search/trigrams';

const fields = (...texts: string[]) => texts.map((text) => [...text]);

describe('the commonest bigrams, written with the character after them', () => {
  test('are counted within each field, commonest first, ties in character order', () => {
    // 发展 three times, 产业 and 甲乙 twice, 业发 once: twice if 产业 and 发展, apart, were read as one field.
    const counted = commonestBigrams(fields('产业发展', '产业', '发展', '发展', '甲乙', '甲乙'), 5);
    expect(counted).toEqual(['发展', '产业', '甲乙']);
  });

  test('leave out bigrams seen fewer times than asked, and pairs beyond the Basic Multilingual Plane', () => {
    expect(commonestBigrams(fields('𠮷野𠮷野', '甲乙甲乙'), 10)).toEqual(['甲乙']);
    expect(commonestBigrams(fields('甲乙甲乙'), 10, 3)).toEqual([]);
  });

  test("come from the archive's own pages, and the index extends exactly those", () => {
    expect(COMMON_BIGRAMS.length).toBeGreaterThan(100);
    expect(COMMON_BIGRAMS).toContain('发展');
    for (const bigram of COMMON_BIGRAMS) expect(isExtendedBigram(bigram[0]!, bigram[1]!)).toBe(true);
    expect(isExtendedBigram('春', '雨')).toBe(false);
    expect(isExtendedBigram('𠮷', '野')).toBe(false);
  });
});
