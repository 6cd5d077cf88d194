import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { looseQuery, segmentLoose } from '../../src/lib/search/loose';
import { normalizeForSearch } from '../../src/lib/search/normalize';
import { analyseQuery, probeOffsets, splitTerms } from '../../src/lib/search/query';
import { bigramWords } from '../../src/lib/search/tokens';
import { conversionTable } from '../../scripts/lib/traditional';
import { charSetTest, packCharSet } from '../../src/lib/search/char-set';

/** Whether bigrams at these offsets cover every character of a term, in order, none more than two apart. */
function covers(offsets: number[], chars: number): boolean {
  const covered = new Set(offsets.flatMap((offset) => [offset, offset + 1]));
  return (
    covered.size === chars &&
    offsets[0] === 0 &&
    offsets.every((offset, index) => index === 0 || (offset > offsets[index - 1]! && offset - offsets[index - 1]! <= 2))
  );
}

describe('reading a query', () => {
  test('whitespace separates terms; quotes keep a phrase with spaces whole', () => {
    expect(splitTerms('嘉兴  南湖机场')).toEqual(['嘉兴', '南湖机场']);
    expect(splitTerms('"两业 融合" 嘉兴')).toEqual(['两业 融合', '嘉兴']);
    expect(splitTerms('“两业融合”')).toEqual(['两业融合']);
    expect(splitTerms('“两业”融合 平湖')).toEqual(['“两业”融合', '平湖']);
    expect(splitTerms('「具身智能」 平湖')).toEqual(['具身智能', '平湖']);
  });

  test('terms are normalised like the text: no punctuation, one width, one case', () => {
    expect(analyseQuery('“两业”融合， ＡＩ+5G').terms.map((term) => term.text)).toEqual(['两业融合', 'ai5g']);
    expect(normalizeForSearch('1460.3 EFLOPS')).toBe('14603eflops');
  });

  test('a term of punctuation only is dropped', () => {
    expect(analyseQuery('，。 “”').terms).toEqual([]);
  });

  test('one character is searched by its character word, longer terms by every other bigram and the last', () => {
    const probed = (text: string) =>
      analyseQuery(text).terms[0]!.variants[0]!.probes.map(({ offset }) =>
        [...text].slice(offset, offset + 2).join(''),
      );
    expect(analyseQuery('业').terms[0]!.variants[0]!.probes).toHaveLength(1);
    expect(probed('两业')).toEqual(['两业']);
    expect(probed('两业融')).toEqual(['两业', '业融']);
    expect(probed('两业融合')).toEqual(['两业', '融合']);
    expect(probed('两业融合发')).toEqual(['两业', '融合', '合发']);
    expect(probed('落实落实')).toEqual(['落实', '落实']);
  });

  test('a long term is probed round its commonest bigrams where the term allows, never round its first or last', () => {
    // 会议, 学习 and 召开 are in large files; 次会, 议暨, 暨学 and 习会 cover the same characters for less.
    const large = new Set(['会议', '召开', '学习']);
    const term = '第五次会议暨学习会召开';
    const chars = [...term];
    const bigrams = chars.slice(1).map((char, offset) => chars[offset]! + char);
    const bigramOf = new Map(bigramWords(term).map((word, offset) => [word, bigrams[offset]!]));
    const cost = (word: string) => (large.has(bigramOf.get(word)!) ? 100_000 : 5_000);
    const probed = analyseQuery(term, undefined, cost).terms[0]!.variants[0]!.probes.map(
      (probe) => bigrams[probe.offset],
    );
    expect(probed).toEqual(['第五', '次会', '议暨', '暨学', '习会', '召开']);
  });

  test('the probes chosen cost no more than any other choice that covers the term', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(20), { minLength: 1, maxLength: 12 }), (costs) => {
        const chars = costs.length + 1;
        const total = (offsets: number[]) => offsets.reduce((sum, offset) => sum + costs[offset]!, 0);
        let cheapest = Infinity;
        for (let mask = 0; mask < 2 ** costs.length; mask++) {
          const offsets = costs.map((_, offset) => offset).filter((offset) => mask & (1 << offset));
          if (covers(offsets, chars)) cheapest = Math.min(cheapest, total(offsets));
        }
        const chosen = probeOffsets(chars, (offset) => costs[offset]!);
        expect(covers(chosen, chars)).toBe(true);
        expect(total(chosen)).toBe(cheapest);
      }),
    );
  });

  test('the probes cover every character of a term, none more than two positions from the next', () => {
    for (let chars = 2; chars < 40; chars++) {
      const offsets = probeOffsets(chars);
      const covered = new Set(offsets.flatMap((offset) => [offset, offset + 1]));
      expect(covered.size).toBe(chars);
      expect(offsets[0]).toBe(0);
      for (let index = 1; index < offsets.length; index++) {
        expect(offsets[index]! - offsets[index - 1]!).toBeGreaterThan(0);
        expect(offsets[index]! - offsets[index - 1]!).toBeLessThanOrEqual(2);
      }
    }
  });
});

describe('traditional characters', () => {
  test('the search page knows, without fetching the table, whether a query may hold one', () => {
    const table = conversionTable();
    const mayBeTraditional = charSetTest(packCharSet(Object.keys(table)));
    const ideographs = Array.from({ length: 0xa000 - 0x3400 }, (_, index) => String.fromCodePoint(0x3400 + index));
    expect(ideographs.filter(mayBeTraditional)).toEqual(ideographs.filter((char) => char in table));
    for (const char of Object.keys(table)) expect(mayBeTraditional(char), char).toBe(true);
    for (const char of '两业融合嘉兴日报𠮷a，') expect(mayBeTraditional(char), char).toBe(false);
  });

  const conversions = conversionTable();
  const context = (inArchive: string) => ({ conversions, inArchive: (char: string) => inArchive.includes(char) });

  test('a traditional query is read in simplified characters', () => {
    const query = analyseQuery('發展經濟 嘉興', context(''));
    expect(query.converted).toBe(true);
    expect(query.terms.map((term) => term.variants.map((variant) => variant.text))).toEqual([['发展经济'], ['嘉兴']]);
  });

  test('a character the archive also has as it is is tried both ways', () => {
    const query = analyseQuery('乾坤', context('乾'));
    expect(query.terms[0]?.variants.map((variant) => variant.text).sort()).toEqual(['乾坤', '干坤']);
  });

  test('a simplified query is left alone', () => {
    expect(analyseQuery('具身智能', context('')).converted).toBe(false);
  });

  test('Taiwan variant forms are read too (台 for 臺, 里 for 裡)', () => {
    expect(analyseQuery('臺灣 裡面', context('')).terms.map((term) => term.variants[0]?.text)).toEqual([
      '台湾',
      '里面',
    ]);
  });
});

describe('the word-by-word fallback', () => {
  const words = new Set(['人工智能', '嘉兴', '发展', '临空经济区']);
  const isWord = async (word: string) => words.has(word);

  test('cuts a query into the longest words the archive knows', async () => {
    expect(await segmentLoose('嘉兴人工智能发展', isWord)).toEqual(['嘉兴', '人工智能', '发展']);
    expect(await segmentLoose('临空经济区规划', isWord)).toEqual(['临空经济区', '规划']);
  });

  test('makes each word a term of its own, or nothing when that is not looser', async () => {
    const loose = await looseQuery(analyseQuery('嘉兴人工智能发展'), isWord);
    expect(loose?.terms.map((term) => term.text)).toEqual(['嘉兴', '人工智能', '发展']);
    expect(await looseQuery(analyseQuery('嘉兴'), isWord)).toBeUndefined();
  });
});
