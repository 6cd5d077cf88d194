import { describe, expect, test } from 'vitest';
import type { Article } from '../../src/lib/article';
import { seedPages, type ExpectedArticle } from '../fixtures/seed-pages';
import { parseSeed, sentences } from '../helpers/seeds';

function bodyText(article: Article): string[] {
  return article.paragraphs.filter((p) => p.type !== 'subhead').map((p) => p.text);
}

function describeArticle(article: Article, expected: ExpectedArticle) {
  test('has the headline decks as printed', () => {
    expect(article.headline).toBe(expected.headline);
    expect(article.kicker).toBe(expected.kicker);
    expect(article.subheadline).toBe(expected.subheadline);
  });

  test(`is a ${expected.kind} item`, () => {
    expect(article.kind).toBe(expected.kind);
  });

  test('names its byline by role', () => {
    expect(article.byline.reporters).toEqual(expected.reporters ?? []);
    expect(article.byline.correspondents).toEqual(expected.correspondents ?? []);
    expect(article.byline.photographers).toEqual(expected.photographers ?? []);
    expect(article.byline.authors).toEqual(expected.authors ?? []);
    expect(article.byline.shared).toBe(expected.sharedByline ?? false);
  });

  test('starts and ends its body where the page does', () => {
    const body = bodyText(article);
    expect(article.dateline).toBe(expected.dateline);
    expect(sentences(body[0] ?? '')[0]).toBe(expected.first);
    expect(sentences(body[body.length - 1] ?? '').at(-1)).toBe(expected.last);
  });

  test('joins the paragraphs a column break split, and no others', () => {
    const joined = article.paragraphs.filter((p) => p.lines.length > 1).map((p) => p.lines);
    expect(joined).toEqual(expected.joins ?? []);
  });

  test('keeps subheads and captions apart from the text', () => {
    expect(article.paragraphs.filter((p) => p.type === 'subhead').map((p) => p.text)).toEqual(expected.subheads ?? []);
    expect(article.paragraphs.filter((p) => p.type === 'caption').map((p) => p.lines[0])).toEqual(
      expected.captions ?? [],
    );
  });

  test(expected.continued ? 'is marked as continued elsewhere' : 'is complete on the page', () => {
    expect(article.continued).toBe(expected.continued ?? false);
  });

  test('carries its section, column and series labels', () => {
    expect(article.section).toBe(expected.section);
    expect(article.series).toBe(expected.series);
    expect(article.column).toEqual(expected.column);
  });
}

for (const page of seedPages) {
  describe(page.file, () => {
    const parsed = parseSeed(page.file);

    test('finds every article on the page, in reading order', () => {
      expect(parsed.articles.map((a) => a.headline)).toEqual(page.articles.map((a) => a.headline));
    });

    test('sets page furniture aside, never as an article or in a body', () => {
      const roles = parsed.furniture.map((f) => [f.role, f.line]);
      for (const expected of page.furniture) expect(roles).toContainEqual(expected);
      const bodies = parsed.articles.flatMap((a) => [a.headline, ...a.paragraphs.map((p) => p.text)]).join('\n');
      for (const item of parsed.furniture) expect(bodies).not.toContain(item.text);
    });

    test('leaves nothing unplaced', () => {
      expect(parsed.leftovers).toEqual([]);
    });

    page.articles.forEach((expected, index) => {
      const article = parsed.articles[index];
      describe(`article ${index + 1}: ${expected.headline}`, () => {
        if (article) describeArticle(article, expected);
        else test('exists', () => expect(article).toBeDefined());
      });
    });
  });
}

describe('what the extraction broke', () => {
  test('text the extractor repeated is flagged where it repeats', () => {
    const speech = parseSeed('001_2afb74a0c5714a72.txt').articles.at(-1);
    expect(speech?.defects).toContainEqual(expect.objectContaining({ type: 'repeated-text', line: 153 }));
  });

  test('a paragraph whose quotation marks do not pair is flagged as possibly missing text', () => {
    const article = parseSeed('003_63130a2904b2764e.txt').articles[0];
    expect(article?.defects).toContainEqual(expect.objectContaining({ type: 'unbalanced-quotes', line: 53 }));
  });

  test('an article cut off at the page end is flagged and kept as far as it goes', () => {
    const article = parseSeed('002_0c3393ab9dbfb191.txt').articles.at(-1);
    expect(article?.defects).toContainEqual(expect.objectContaining({ type: 'cut-off', line: 171 }));
  });

  test('clean articles carry no defects', () => {
    const clean = parseSeed('004_5555c93f7d3fe842.txt').articles;
    expect(clean.flatMap((a) => a.defects)).toEqual([]);
  });
});

describe('ids', () => {
  test('are stable: the same page text gives the same ids', () => {
    const first = parseSeed('002_0c3393ab9dbfb191.txt').articles.map((a) => a.id);
    const second = parseSeed('002_0c3393ab9dbfb191.txt').articles.map((a) => a.id);
    expect(second).toEqual(first);
    expect(first[0]).toBe('jxrb-202603-p1-01');
  });

  test('are unique across the five pages', () => {
    const ids = seedPages.flatMap((page) => parseSeed(page.file).articles.map((a) => a.id));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
