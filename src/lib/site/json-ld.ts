/** schema.org NewsArticle data for an article page, as search engines and citation tools read it. */
import type { Article } from '../article';
import { ROLE_NAMES, type BylineRole } from './archive-view';

export function newsArticleJsonLd(article: Article, url: string): object {
  const people = (role: BylineRole) =>
    article.byline[role].map((name) => ({ '@type': 'Person', name, jobTitle: ROLE_NAMES[role] }));
  const periodical = { '@type': 'Periodical', name: article.publication };
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': url,
    url,
    mainEntityOfPage: url,
    headline: article.headline,
    ...(article.kicker || article.subheadline
      ? { alternativeHeadline: [article.kicker, article.subheadline].filter(Boolean).join(' ') }
      : {}),
    datePublished: article.date,
    inLanguage: 'zh-CN',
    author: [...people('authors'), ...people('reporters'), ...people('correspondents')],
    contributor: people('photographers'),
    publisher: { '@type': 'Organization', name: article.publication },
    isPartOf: {
      '@type': 'PublicationIssue',
      datePublished: article.date,
      isPartOf: periodical,
    },
    ...(article.page.number !== undefined ? { pageStart: article.page.number } : {}),
    ...(article.section ? { articleSection: article.section } : {}),
    keywords: article.keywords,
    isAccessibleForFree: true,
  };
}
