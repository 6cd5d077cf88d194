/**
 * Every URL of the site, in one place. Article permalinks follow where the article was
 * printed — /<paper>/<date>/<page>/<place>/ — like Chronicling America's
 * /lccn/<title>/<date>/ed-1/seq-1/, so a better parse of the text does not move them.
 */
import config from '../../../archive.config';

const BASE = config.base.replace(/\/+$/u, '');

/** A site path with the configured base prepended: `/jxrb/` → `/archive/jxrb/`. */
export function withBase(path: string): string {
  return `${BASE}${path}`;
}

/** The absolute URL of a site path, for canonical links, feeds and citations. */
export function absoluteUrl(path: string): string {
  return new URL(withBase(path), config.site).href;
}

/**
 * A name as a URL segment: itself, with spaces and the characters URLs reserve (% / ? # ;
 * , : @ & = + $ and backslash) turned into hyphens, so that the percent-encoded segment
 * decodes back unambiguously on every host.
 */
export function nameSegment(name: string): string {
  return name.replace(/[\s%/\\?#;,:@&=+$]+/gu, '-').replace(/^-+|-+$/gu, '') || '-';
}

const segment = (name: string) => encodeURIComponent(nameSegment(name));

export interface IssueRef {
  publicationId: string;
  date: string;
}

export const paths = {
  home: () => '/',
  search: (query?: string) => (query ? `/search/?q=${encodeURIComponent(query)}` : '/search/'),
  publication: (publicationId: string) => `/${publicationId}/`,
  publicationArchive: (publicationId: string, chunk: number) => `/${publicationId}/articles/${chunk}/`,
  issue: ({ publicationId, date }: IssueRef) => `/${publicationId}/${date}/`,
  page: (issue: IssueRef, pageKey: string) => `/${issue.publicationId}/${issue.date}/${pageKey}/`,
  article: (article: IssueRef & { page: { key: string }; position: number }) =>
    `/${article.publicationId}/${article.date}/${article.page.key}/${article.position}/`,
  issueJson: ({ publicationId, date }: IssueRef) => `/api/${publicationId}/${date}.json`,
  calendar: (year?: string, month?: string) =>
    year === undefined ? '/calendar/' : month === undefined ? `/calendar/${year}/` : `/calendar/${year}/${month}/`,
  sections: () => '/sections/',
  section: (name: string, chunk?: number) => `/sections/${segment(name)}/${chunk === undefined ? '' : `${chunk}/`}`,
  people: () => '/people/',
  person: (name: string, chunk?: number) => `/people/${segment(name)}/${chunk === undefined ? '' : `${chunk}/`}`,
  onThisDay: (monthDay?: string) => (monthDay === undefined ? '/on-this-day/' : `/on-this-day/${monthDay}/`),
  onThisDayJson: (monthDay: string) => `/api/on-this-day/${monthDay}.json`,
  rss: () => '/rss.xml',
  articlesJson: () => '/api/articles.json',
};
