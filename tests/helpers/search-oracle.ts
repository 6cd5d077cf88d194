/**
 * What search must find, worked out the slow, obvious way: an article matches when every
 * term, stripped of punctuation and spaces and folded to one width and case, is a
 * substring of one of its fields (a headline deck or a paragraph). Independent of the
 * index, so it can judge it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Article } from '../../src/lib/article';

export function plain(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

export interface OracleArticle {
  url: string;
  headline: string;
  fields: string[];
}

export function loadArticles(dist: string): OracleArticle[] {
  const articles = JSON.parse(readFileSync(path.join(dist, 'api/articles.json'), 'utf8')) as Article[];
  return articles.map((article) => ({
    url: `/${article.publicationId}/${article.date}/${article.page.key}/${article.position}/`,
    headline: article.headline,
    fields: [article.kicker, article.headline, article.subheadline, ...article.paragraphs.map((p) => p.text)]
      .filter((field): field is string => Boolean(field))
      .map(plain),
  }));
}

/** The URLs of the articles containing every term of a (simplified) query. */
export function expectedUrls(articles: readonly OracleArticle[], query: string): string[] {
  const terms = query.split(/\s+/u).map(plain).filter(Boolean);
  if (terms.length === 0) return [];
  return articles
    .filter((article) => terms.every((term) => article.fields.some((field) => field.includes(term))))
    .map((article) => article.url)
    .sort();
}

/** Random substrings of the articles' fields (as printed, punctuation and all), 1–8 characters. */
export function sampleSubstrings(
  articles: readonly OracleArticle[],
  raw: readonly string[],
  count: number,
  random: () => number,
): string[] {
  const samples: string[] = [];
  while (samples.length < count) {
    const field = raw[Math.floor(random() * raw.length)]!;
    const chars = [...field];
    const length = 1 + Math.floor(random() * 8);
    if (chars.length < length) continue;
    const start = Math.floor(random() * (chars.length - length + 1));
    const sample = chars.slice(start, start + length).join('');
    if (plain(sample) && expectedUrls(articles, sample).length > 0) samples.push(sample);
  }
  return samples;
}
