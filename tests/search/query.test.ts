import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { looseQuery, segmentLoose } from '../../src/lib/search/loose';
import { normalizeForSearch } from '../../src/lib/search/normalize';
import {
  analyseQuery,
  cheapestCover,
  probeChoices,
  splitTerms,
  type ProbeChoice,
  type WordCost,
} from '../../src/lib/search/query';
import { COMMON_BIGRAMS } from '../../src/lib/search/common-bigrams';
import { encodeChars } from '../../src/lib/search/tokens';
import { conversionTable } from '../../scripts/lib/traditional';
import { seededRandom } from '../../scripts/lib/seeded-random';
import { charSetTest, packCharSet } from '../../src/lib/search/char-set';

/**
 * Whether probes (bigrams: `last` = `offset`; trigrams: `last` = `offset` + 1) cover every
 * character of a term, each beginning at most two positions after the one before it ends.
 */
function covers(probes: ReadonlyArray<Pick<ProbeChoice, 'offset' | 'last'>>, chars: number): boolean {
  const sorted = [...probes].sort((a, b) => a.offset - b.offset);
  const covered = new Set(
    sorted.flatMap(({ offset, last }) => [
      offset,
      ...Array.from({ length: last - offset + 1 }, (_, at) => offset + at + 1),
    ]),
  );
  return (
    covered.size === chars &&
    sorted[0]?.offset === 0 &&
    sorted.every((probe, index) => index === 0 || probe.offset - sorted[index - 1]!.last <= 2)
  );
}

/** What each probe of a one-term query spells: two characters, or three for a trigram. */
function probedText(text: string, cost?: WordCost): string[] {
  const chars = [...text];
  return analyseQuery(text, undefined, cost).terms[0]!.variants[0]!.probes.map(({ offset, word }) =>
    [2, 3]
      .map((length) => chars.slice(offset, offset + length).join(''))
      .find((spelled) => encodeChars(spelled) === word)!,
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
    // None of these bigrams is among the commonest (common-bigrams.ts).
    expect(analyseQuery('业').terms[0]!.variants[0]!.probes).toHaveLength(1);
    expect(probedText('春雨')).toEqual(['春雨']);
    expect(probedText('春雨绵')).toEqual(['春雨', '雨绵']);
    expect(probedText('春雨绵绵')).toEqual(['春雨', '绵绵']);
    expect(probedText('春雨绵绵湖')).toEqual(['春雨', '绵绵', '绵湖']);
    expect(probedText('绵绵绵绵')).toEqual(['绵绵', '绵绵']);
  });

  test('a common bigram is probed with the character after it, where that costs less than the bigram alone', () => {
    // 推动, 产业, 业发 and 发展 are among the commonest bigrams, in large files; their trigrams are in small ones.
    for (const bigram of ['推动', '产业', '业发', '发展']) expect(COMMON_BIGRAMS).toContain(bigram);
    const large = new Set(['推动', '产业', '业发', '发展'].map(encodeChars));
    const cost = (word: string) => (large.has(word) ? 100_000 : 5_000);
    expect(probedText('推动产业发展', cost)).toEqual(['推动产', '业发展']);
    // A common bigram at the end of a term has no character after it to be probed with.
    expect(probedText('春雨发展', cost)).toEqual(['春雨', '发展']);
  });

  test('a long term is probed round its commonest bigrams where the term allows, never round its first or last', () => {
    // 会议, 学习 and 召开 are in large files; 次会, 议暨 and the trigram 学习会 cover the same characters for less.
    const large = new Set(['会议', '召开', '学习'].map(encodeChars));
    const cost = (word: string) => (large.has(word) ? 100_000 : 5_000);
    expect(probedText('第五次会议暨学习会召开', cost)).toEqual(['第五', '次会', '议暨', '学习会', '召开']);
  });

  test('the probes chosen cost no more than any other choice that covers the term', () => {
    // Per bigram offset: the bigram's cost, and its trigram's where it has one.
    const offsets = fc.array(fc.tuple(fc.nat(20), fc.option(fc.nat(20), { nil: undefined })), {
      minLength: 1,
      maxLength: 7,
    });
    fc.assert(
      fc.property(offsets, (costs) => {
        const chars = costs.length + 1;
        const choices: ProbeChoice[] = costs.flatMap(([, trigram], offset) => [
          { offset, last: offset, word: `b${offset}` },
          ...(trigram !== undefined && offset + 1 < costs.length
            ? [{ offset, last: offset + 1, word: `t${offset}` }]
            : []),
        ]);
        const costOf = new Map(
          costs.flatMap(([bigram, trigram], offset) => [
            [`b${offset}`, bigram],
            [`t${offset}`, trigram ?? 0],
          ]),
        );
        const total = (picked: readonly ProbeChoice[]) => picked.reduce((sum, { word }) => sum + costOf.get(word)!, 0);
        let cheapest = Infinity;
        for (let mask = 0; mask < 2 ** choices.length; mask++) {
          const picked = choices.filter((_, index) => mask & (1 << index));
          if (covers(picked, chars)) cheapest = Math.min(cheapest, total(picked));
        }
        const chosen = cheapestCover(choices, chars - 2, ({ word }) => costOf.get(word)!);
        expect(covers(chosen, chars)).toBe(true);
        expect(total(chosen)).toBe(cheapest);
      }),
    );
  });

  test('the probes cover every character of a term, none beginning more than two positions after the one before ends', () => {
    const next = seededRandom(7);
    // Characters of common bigrams and others, so that terms have trigrams to probe by.
    const alphabet = [...'推动产业发展春雨'];
    for (let chars = 2; chars < 40; chars++) {
      const term = Array.from({ length: chars }, () => alphabet[Math.floor(next() * alphabet.length)]!);
      const probes = cheapestCover(probeChoices(term), chars - 2);
      expect(covers(probes, chars)).toBe(true);
      expect(probes.map(({ offset }) => offset)).toEqual(
        [...new Set(probes.map(({ offset }) => offset))].sort((a, b) => a - b),
      );
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
