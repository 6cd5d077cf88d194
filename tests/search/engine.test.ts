import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  LOOKUP,
  MatchEngine,
  startsFollowedBy,
  type LookupOptions,
  type PostingBackend,
} from '../../src/lib/search/engine';
import { headlineWords, PRINTED_PLAIN_MARK } from '../../src/lib/search/headlines';
import { normalizeForSearch } from '../../src/lib/search/normalize';
import { bucketOf } from '../../src/lib/search/buckets';
import { analyseQuery, type WordCost } from '../../src/lib/search/query';
import { rankByRelevance } from '../../src/lib/search/rank';
import {
  charWord,
  encodeChars,
  FILLER,
  HEADLINE_REGION,
  isDeckWord,
  SLOT_WIDTH,
  slotWords,
} from '../../src/lib/search/tokens';
import { MemoryIndex, type MemoryArticle } from '../helpers/memory-index';

const LAYOUT = { slotWidth: SLOT_WIDTH, headlineRegion: HEADLINE_REGION };

async function find(
  articles: MemoryArticle[],
  query: string,
  cost?: WordCost,
  lookup: LookupOptions = LOOKUP,
): Promise<string[]> {
  return (await findCounted(articles, query, cost, lookup)).map(([id]) => id);
}

/**
 * Each matching article with how often each term of two or more characters occurs in it, by
 * id (a single character is a word once per field: its count is not its occurrences, so 0).
 */
async function findCounted(
  articles: MemoryArticle[],
  query: string,
  cost?: WordCost,
  lookup: LookupOptions = LOOKUP,
): Promise<Array<[id: string, counts: number[]]>> {
  const index = new MemoryIndex(articles);
  const analysed = analyseQuery(query, undefined, cost);
  const counted = analysed.terms.map((term) => [...term.text].length > 1);
  const result = await new MatchEngine(index, LAYOUT, lookup).match(analysed);
  return result
    .all()
    .map((match): [string, number[]] => [
      index.articleAt.get(match.key)!,
      match.terms.map((term, at) => (counted[at] ? term.count : 0)),
    ])
    .sort(([a], [b]) => a.localeCompare(b));
}

/** How often a term occurs in an article, counting each place it begins (overlaps too), field by field. */
function occurrences(article: MemoryArticle, term: string): number {
  let count = 0;
  for (const field of [...article.decks, ...article.paragraphs].map(normalizeForSearch)) {
    for (let at = field.indexOf(term); at >= 0; at = field.indexOf(term, at + 1)) count++;
  }
  return count;
}

/** What a reader means by "contains": every term, normalised, inside one field of the article. */
function contains(article: MemoryArticle, query: string): boolean {
  const fields = [...article.decks, ...article.paragraphs].map(normalizeForSearch);
  const terms = analyseQuery(query).terms.map((term) => term.text);
  return terms.length > 0 && terms.every((term) => fields.some((field) => field.includes(term)));
}

describe('finding a string as a phrase', () => {
  const articles: MemoryArticle[] = [
    { id: 'a', decks: ['履职助推“两业融合”落地落实'], paragraphs: ['推进先进制造业和现代服务业深度融合。'] },
    { id: 'b', decks: ['两业发展'], paragraphs: ['融合发展是方向。两业,融合'] },
    { id: 'c', decks: ['市领导调研'], paragraphs: ['AI 赋能、5G 网络,规模达 1460.3EFLOPS。'] },
  ];

  test('punctuation never decides a match: 两业融合 finds “两业”融合', async () => {
    expect(await find(articles, '两业融合')).toEqual(['a', 'b']);
  });

  test('a phrase split across two paragraphs or two fields is not a match', async () => {
    expect(await find(articles, '发展融合')).toEqual([]);
    expect(await find(articles, '落实推进')).toEqual([]);
  });

  test('Latin words and numbers are found, whatever their width and case', async () => {
    expect(await find(articles, 'ai')).toEqual(['c']);
    expect(await find(articles, 'ＡＩ')).toEqual(['c']);
    expect(await find(articles, '5G')).toEqual(['c']);
    expect(await find(articles, '1460.3')).toEqual(['c']);
  });

  test('every term must occur (AND), each anywhere in the article', async () => {
    expect(await find(articles, '融合 方向')).toEqual(['b']);
    expect(await find(articles, '融合 调研')).toEqual([]);
  });

  test('a one-character query finds every article with that character', async () => {
    expect(await find(articles, '业')).toEqual(['a', 'b']);
  });

  test('repeated characters are matched exactly (落实落实 is not 落地落实)', async () => {
    const repeats: MemoryArticle[] = [
      { id: 'x', decks: ['落地落实'], paragraphs: ['落实落实再落实'] },
      { id: 'y', decks: ['落地'], paragraphs: ['落实再落地'] },
    ];
    expect(await find(repeats, '落实落实')).toEqual(['x']);
    expect(await find(repeats, '落地落实')).toEqual(['x']);
    expect(await find(repeats, '再落')).toEqual(['x', 'y']);
  });

  test('an empty or punctuation-only query finds nothing', async () => {
    expect(await find(articles, '')).toEqual([]);
    expect(await find(articles, ' ,。“” ')).toEqual([]);
  });
});

describe('waiting on the index', () => {
  test('a query of several terms asks for all its words and its headline at once, so it waits once, not once per term', async () => {
    const index = new MemoryIndex([
      { id: 'a', decks: ['两业融合 嘉兴'], paragraphs: ['推进先进制造业和现代服务业深度融合。'] },
      { id: 'b', decks: ['市领导调研'], paragraphs: ['嘉兴两业融合发展。'] },
    ]);
    let answer!: () => void;
    const indexAnswers = new Promise<void>((resolve) => (answer = resolve));
    const asked: string[] = [];
    const slowIndex: PostingBackend = {
      overflowRecords: () => index.overflowRecords(),
      recordName: (record) => index.recordName(record),
      recordNumber: (name) => index.recordNumber(name),
      articleText: (record, slot) => index.articleText(record, slot),
      async search(words) {
        asked.push(...words);
        await indexAnswers;
        return index.search(words);
      },
    };
    const query = analyseQuery('两业融合 嘉兴 制造');
    const pending = new MatchEngine(slowIndex, LAYOUT).match(query);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const words = query.terms.flatMap((term) =>
      term.variants.flatMap((variant) => variant.probes.map((probe) => probe.word)),
    );
    expect(new Set(asked)).toEqual(new Set([...words, ...query.headlineWords, query.printedHeadline!.word]));
    answer();
    const result = await pending;
    expect(result.all().map((match) => index.articleAt.get(match.key))).toEqual(['a']);
  });
});

describe('a long phrase', () => {
  const headline = '全力促进创新链产业链资金链人才链深度融合';
  const articles: MemoryArticle[] = [
    { id: 'headline', decks: [headline], paragraphs: ['正文。'] },
    { id: 'body', decks: ['其他'], paragraphs: [`会上提出${headline}。`] },
    // One character off (产品链 for 产业链), between bigrams a first look may not ask for: only its text, or the rest of the bigrams, tell.
    { id: 'near', decks: ['其他'], paragraphs: ['全力促进创新链产品链资金链人才链深度融合。'] },
    ...Array.from({ length: 30 }, (_, index) => ({
      id: `other${index}`,
      decks: [`第${index}篇`],
      paragraphs: ['深度融合。'],
    })),
  ];

  test('asks for its first, last and a few bigrams between, then reads the few articles holding them, not the rest of its bigrams', async () => {
    const index = new MemoryIndex(articles);
    const query = analyseQuery(headline);
    const probes = query.terms[0]!.variants[0]!.probes;
    expect(probes.length).toBeGreaterThan(LOOKUP.probesFirst);
    const result = await new MatchEngine(index, LAYOUT).match(query);
    expect(result.all().map((match) => index.articleAt.get(match.key))).toEqual(['headline', 'body']);
    // Its headline words are filed with its first bigram: no file more.
    expect(new Set(index.wordsAsked.map(bucketOf)).size).toBe(LOOKUP.probesFirst);
    expect(index.wordsAsked).toContain(probes[0]!.word);
    expect(index.wordsAsked).toContain(probes[probes.length - 1]!.word);
    expect(index.textsRead.map((key) => index.articleAt.get(key)).sort()).toEqual(['body', 'headline', 'near']);
  });

  test('held in place by many articles, is decided by the rest of its bigrams, not by reading them all', async () => {
    const many = Array.from({ length: 20 }, (_, index) => ({
      id: `copy${index}`,
      decks: [`第${index}篇`],
      paragraphs: [headline],
    }));
    const index = new MemoryIndex([...articles, ...many]);
    const result = await new MatchEngine(index, LAYOUT).match(analyseQuery(headline));
    expect(result.length).toBe(22);
    expect(index.textsRead).toEqual([]);
  });

  test('beside other terms that take as many waves of files either way, asks for all its bigrams at once', async () => {
    const both: MemoryArticle = {
      id: 'both',
      decks: ['全力促进创新链产业链资金链人才链'],
      paragraphs: ['深度融合发展。'],
    };
    const index = new MemoryIndex([...articles, both]);
    const query = analyseQuery('全力促进创新链产业链资金链人才链 深度融合发展');
    // The first term is six trigrams (全力促 促进创 创新链 产业链 资金链 人才链), the second three words: two
    // waves of six files, whether five of the six are asked for first or not.
    expect(query.terms.map((term) => term.variants[0]!.probes.length)).toEqual([6, 3]);
    const result = await new MatchEngine(index, LAYOUT).match(query);
    expect(result.all().map((match) => index.articleAt.get(match.key))).toEqual(['both']);
    // One search a term, besides the query's headline words.
    expect(index.searched.filter((words) => !words.some(isDeckWord)).length).toBe(2);
    expect(index.textsRead).toEqual([]);
  });

  test('is found by its text in an article too long for a slot', async () => {
    const body = Array.from({ length: 900 }, (_, index) => `长文第${String.fromCodePoint(0x4e00 + index)}段。`);
    const long: MemoryArticle = { id: 'long', decks: ['长文'], paragraphs: [...body, `结尾：${headline}。`] };
    const index = new MemoryIndex([long, ...articles]);
    const result = await new MatchEngine(index, LAYOUT).match(analyseQuery(headline));
    expect(result.all().map((match) => index.articleAt.get(match.key))).toEqual(['long', 'headline', 'body']);
    expect(index.textsRead.length).toBe(4);
  });
});

describe('telling the articles of a record apart', () => {
  test('articles packed in one record are found one by one', async () => {
    const many = Array.from({ length: 70 }, (_, index) => ({
      id: String(index).padStart(2, '0'),
      decks: [`第${index}号标题`],
      paragraphs: [index % 7 === 0 ? '这一篇提到了嘉兴南湖机场。' : '这一篇没有提到。'],
    }));
    const expected = many.filter((article) => article.paragraphs[0]!.includes('南湖机场')).map((a) => a.id);
    expect(await find(many, '南湖机场')).toEqual(expected);
  });

  test('an article too long for a slot is found whole, in a record of its own', async () => {
    const long = '很长的文章里有许多不同的字。'.repeat(1);
    const body = Array.from(
      { length: 900 },
      (_, index) => `${long}${String.fromCodePoint(0x4e00 + index)}${String.fromCodePoint(0x5e00 + index)}。`,
    );
    const articles: MemoryArticle[] = [
      { id: 'long', decks: ['长文'], paragraphs: [...body, '结尾处的独特词语龘靐。'] },
      { id: 'short', decks: ['短文'], paragraphs: ['独特词语不在这里。'] },
    ];
    expect(await find(articles, '龘靐')).toEqual(['long']);
    expect(await find(articles, '长文')).toEqual(['long']);
  });
});

describe('a query that is a whole headline', () => {
  const articles: MemoryArticle[] = [
    { id: 'whole', decks: ['市领导调研生态文明建设'], paragraphs: ['正文。'] },
    { id: 'subheadline', decks: ['调研纪实', '市领导调研生态文明建设'], paragraphs: ['正文。'] },
    { id: 'inside', decks: ['市领导调研生态文明建设情况'], paragraphs: ['正文。'] },
    { id: 'body', decks: ['其他'], paragraphs: ['市领导调研生态文明建设。'] },
  ];

  test('marks the articles with that very deck, in any deck, punctuation aside — not those that merely contain it', async () => {
    const index = new MemoryIndex(articles);
    const matches = (await new MatchEngine(index, LAYOUT).match(analyseQuery('市领导调研“生态文明”建设'))).all();
    const exact = matches.filter((match) => match.exactHeadline);
    expect(exact.map((match) => index.articleAt.get(match.key)).sort()).toEqual(['subheadline', 'whole']);
    expect(matches.length).toBe(4);
  });

  test('puts the deck printed as typed before one that only punctuation tells apart', async () => {
    const index = new MemoryIndex([
      { id: 'cut', decks: ['以生态之优聚创新之力 以“赛事'], paragraphs: ['正文。'] },
      { id: 'whole', decks: ['以生态之优聚创新之力 以“赛事+”'], paragraphs: ['正文。'] },
    ]);
    const engine = new MatchEngine(index, LAYOUT);
    for (const [query, first] of [
      ['以生态之优聚创新之力 以“赛事+”', 'whole'],
      ['以生态之优聚创新之力 以“赛事', 'cut'],
    ] as const) {
      const result = await engine.match(analyseQuery(query));
      const [top] = rankByRelevance(result, 2).slice(0, 1);
      expect(index.articleAt.get(top!.key), query).toBe(first);
      expect(result.all().every((match) => match.exactHeadline)).toBe(true);
    }
  });

  test('tells the deck printed as typed, whether or not it has punctuation or spaces', async () => {
    const index = new MemoryIndex([
      { id: 'spaced', decks: ['市领导 调研'], paragraphs: ['正文。'] },
      { id: 'plain', decks: ['市领导调研'], paragraphs: ['正文。'] },
    ]);
    const engine = new MatchEngine(index, LAYOUT);
    for (const [query, printed] of [
      ['市领导调研', 'plain'],
      ['市领导 调研', 'spaced'],
      ['“市领导调研”', undefined],
    ] as const) {
      const matches = (await engine.match(analyseQuery(query))).all();
      expect(matches.every((match) => match.exactHeadline)).toBe(true);
      const asTyped = matches.filter((match) => match.printedHeadline).map((match) => index.articleAt.get(match.key));
      expect(asTyped, query).toEqual(printed ? [printed] : []);
    }
  });

  test('is told by the file its first probe is in, whether that is a bigram, a common bigram’s trigram or one character', async () => {
    const index = new MemoryIndex([
      { id: 'bigram', decks: ['市领导调研'], paragraphs: ['正文。'] },
      // 产业 is among the commonest bigrams: a query may probe it by 产业发 or, where that costs more, by 产业.
      { id: 'trigram', decks: ['产业发展新局面'], paragraphs: ['正文。'] },
      { id: 'char', decks: ['龘'], paragraphs: ['正文。'] },
    ]);
    const trigramsDear: WordCost = (word) => (word.length === 12 ? 100 : 1);
    const firstProbe = (cost?: WordCost) =>
      analyseQuery('产业发展新局面', undefined, cost).terms[0]!.variants[0]!.probes[0]!;
    expect([firstProbe().word, firstProbe(trigramsDear).word]).toEqual([encodeChars('产业发'), encodeChars('产业')]);
    for (const [typed, id, cost] of [
      ['市领导调研', 'bigram', undefined],
      ['产业发展新局面', 'trigram', undefined],
      ['产业发展新局面', 'trigram', trigramsDear],
      ['龘', 'char', undefined],
    ] as const) {
      const query = analyseQuery(typed, undefined, cost);
      const asked = index.wordsAsked.length;
      const matches = (await new MatchEngine(index, LAYOUT).match(query)).all();
      expect(matches.filter((match) => match.printedHeadline).map((match) => index.articleAt.get(match.key))).toEqual([
        id,
      ]);
      const probes = query.terms.flatMap((term) =>
        term.variants.flatMap(({ probes }) => probes.map(({ word }) => word)),
      );
      expect(new Set(index.wordsAsked.slice(asked).map(bucketOf)), typed).toEqual(new Set(probes.map(bucketOf)));
    }
  });
});

describe('matches are exactly the articles that contain the query', () => {
  // A four-character alphabet makes repeats and near-misses common; a two-character one, long repeats.
  const text = fc
    .oneof(
      fc.array(fc.constantFrom('甲', '乙', '丙', '丁', '齸', '𠮷', ',', ' ', 'a', 'A', '5'), {
        minLength: 1,
        maxLength: 30,
      }),
      fc.array(fc.constantFrom('甲', '乙', '乙', ','), { minLength: 1, maxLength: 30 }),
      // 产业 and 业发 are among the commonest bigrams: written with the character after them too.
      fc.array(fc.constantFrom('产', '业', '发', '甲', ','), { minLength: 1, maxLength: 30 }),
    )
    .map((chars) => chars.join(''));
  const article = fc.record({
    decks: fc.array(text, { minLength: 1, maxLength: 2 }),
    paragraphs: fc.array(text, { maxLength: 4 }),
  });

  test('for random articles and queries (substrings, arbitrary strings, one or two terms, headline decks), each term counted where it occurs, whichever bigrams probe them and whether a long term is confirmed by the text', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(article, { minLength: 1, maxLength: 40 }),
        fc.oneof(
          text,
          fc.tuple(text, text).map(([a, b]) => `${a} ${b}`),
          // A number: the query is then an article's headline deck.
          fc.nat(),
        ),
        // Random costs per word: the probes of a long term land on different bigrams each run.
        fc.option(fc.func(fc.nat(50)), { nil: undefined }),
        // Terms past two probes are looked up by some of them first, then by the articles' text or by the rest.
        fc.constantFrom<LookupOptions>(
          LOOKUP,
          { probesFirst: 2, textUpTo: Infinity, filesAtOnce: 1 },
          { probesFirst: 2, textUpTo: 0, filesAtOnce: 1 },
          { probesFirst: 2, textUpTo: 6, filesAtOnce: Infinity },
        ),
        async (generated, asked, cost, lookup) => {
          const articles = generated.map((a, index) => ({ ...a, id: String(index).padStart(3, '0') }));
          const query = typeof asked === 'string' ? asked : articles[asked % articles.length]!.decks[0]!;
          const terms = analyseQuery(query).terms.map((term) => term.text);
          const expected = articles
            .filter((a) => contains(a, query))
            .map((a): [string, number[]] => [
              a.id,
              terms.map((term) => ([...term].length > 1 ? occurrences(a, term) : 0)),
            ]);
          expect(await findCounted(articles, query, cost, lookup)).toEqual(expected);
        },
      ),
      { numRuns: Number(process.env.SEARCH_RUNS ?? 300) },
    );
  });
});

describe('the words of the index', () => {
  test('a headline is its bigrams, then each of its characters once, in code unit order, those beyond the BMP too', () => {
    // U+FA0E is a unified ideograph above the surrogates; 𠮷 is a surrogate pair.
    const { words } = slotWords({ decks: ['\ufa0e甲𠮷乙甲'], paragraphs: [], words: [] });
    expect(words.slice(0, 10)).toEqual(
      [
        ...['\ufa0e甲', '甲𠮷', '𠮷乙', '乙甲'].map(encodeChars),
        FILLER,
        FILLER,
        ...['乙', '甲', '𠮷', '\ufa0e'].map(charWord),
      ].map((word) => [word]),
    );
    expect(words.slice(10, HEADLINE_REGION).every(([word]) => word === FILLER)).toBe(true);
  });

  test('a common bigram followed by a character of its field is also written with it, at the same position', () => {
    // 产业 and 发展 are among the commonest bigrams (common-bigrams.ts); 业发 too.
    const { words } = slotWords({ decks: ['产业发展'], paragraphs: [], words: [] });
    expect(words.slice(0, 5)).toEqual([
      [encodeChars('产业'), encodeChars('产业发')],
      [encodeChars('业发'), encodeChars('业发展')],
      // The field ends after 发展: nothing to write it with.
      [encodeChars('发展')],
      [FILLER],
      [FILLER],
    ]);
    // A deck's last characters and the body's first are in different fields.
    const apart = slotWords({ decks: ['推动产业'], paragraphs: ['发展'], words: [] }).words.flat();
    expect(apart).toContain(encodeChars('推动产'));
    expect(apart).not.toContain(encodeChars('产业发'));
  });

  test('are lowercase letters only, a byte each in the index files', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 20 }), { maxLength: 4 }), (paragraphs) => {
        const { words } = slotWords({ decks: ['标题𠮷'], paragraphs, words: paragraphs });
        for (const word of words.flat()) expect(word).toMatch(/^(?:[a-z]+|\.)$/u);
      }),
    );
  });
});

describe('the words of a headline deck', () => {
  test('each deck is written whole, normalised and as printed, filed with each word a query that is the deck may probe first', () => {
    const written = headlineWords(['产业发展新局面', '“市领导”调研', '市领导调研']);
    const words = written.map(([word]) => word);
    // 产业 is a common bigram, so its trigram 产业发 may be probed first too; 市领 is not.
    expect(new Set(words.map(bucketOf))).toEqual(new Set(['产业', '产业发', '市领'].map(encodeChars).map(bucketOf)));
    // The two printings of 市领导调研 share a deck word, marked for the plain one; the other has a printed word.
    expect(written.map(([word, marks]) => [word[0], marks])).toEqual([
      ['x', [PRINTED_PLAIN_MARK]],
      ['x', [PRINTED_PLAIN_MARK]],
      ['x', [0, PRINTED_PLAIN_MARK]],
      ['y', [0]],
    ]);
    for (const word of words) {
      expect(isDeckWord(word)).toBe(true);
      expect(word).toMatch(/^[xy][a-z0-9]{12}$/u);
    }
  });
});

describe('starts followed by a word at an offset', () => {
  test.each([
    [[1, 5, 9], [3, 7, 12], 2, [1, 5]],
    [[1, 5, 9], [11], 2, [9]],
    [[1, 5], [], 1, []],
    [[], [1, 2], 1, []],
  ])('%j with %j at +%i → %j', (starts, positions, offset, kept) => {
    expect(startsFollowedBy(starts, positions, offset)).toEqual(kept);
  });
});
