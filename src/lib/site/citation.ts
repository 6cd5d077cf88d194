/**
 * A citation for an article in the form of GB/T 7714 for newspaper articles:
 *   主要责任者. 题名[N]. 报纸名, 出版日期(版次). 获取和访问路径.
 * The page is the printed page number where known, else the page's name.
 */
import type { Article } from '../article';
import { isolateDirection } from './bidi';

const MAX_AUTHORS = 3;

function responsible(article: Pick<Article, 'byline' | 'kind'>): string {
  const { reporters, authors, photographers } = article.byline;
  const names = [...authors, ...reporters, ...(article.kind === 'photo' ? photographers : [])];
  if (names.length === 0) return '';
  return names.length > MAX_AUTHORS ? `${names.slice(0, MAX_AUTHORS).join(', ')}, 等` : names.join(', ');
}

export function citation(
  article: Pick<Article, 'byline' | 'kind' | 'headline' | 'subheadline' | 'publication' | 'date' | 'page'>,
  url: string,
): string {
  const title = isolateDirection(
    article.subheadline ? `${article.headline}: ${article.subheadline}` : article.headline,
  );
  const page = article.page.number !== undefined ? String(article.page.number) : article.page.name;
  const who = responsible(article);
  return `${who ? `${who}. ` : ''}${title}[N]. ${article.publication}, ${article.date}${page ? `(${page})` : ''}. ${url}.`;
}
