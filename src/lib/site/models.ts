/**
 * What each page of the site shows, as plain data computed from the archive view. Pages
 * render these models; the build hashes the same models to know which pages changed, so
 * a page is re-rendered exactly when something it shows has changed.
 */
import type { ArticleSummary } from '../archive-index';
import type { ArchiveView, BylineRole, Credit, Issue, IssuePage, MonthCount, YearCount } from './archive-view';
import { numberedPage, pageCount, pagerItems, PAGE_SIZE, type PagerItem } from './pagination';

/** Which page of a listing: the newest articles, or numbered page n (1 = oldest). */
export type ListingPage = 'latest' | number;

export interface Listing<T> {
  items: T[];
  current: ListingPage;
  /** How many articles the listing holds: on its newest page only, so older pages stay unchanged as it grows. */
  total?: number;
  /** Where the numbered page starts, counting from the oldest article (1-based). */
  first?: number;
  pager: PagerItem[];
}

function listing<T>(newestFirst: readonly T[], current: ListingPage): Listing<T> | undefined {
  const count = pageCount(newestFirst.length);
  if (current !== 'latest' && (!Number.isInteger(current) || current < 1 || current > count)) return undefined;
  const pager = pagerItems(current, count);
  if (current === 'latest') {
    return { items: newestFirst.slice(0, PAGE_SIZE), current, total: newestFirst.length, pager };
  }
  return { items: numberedPage(newestFirst, current), current, first: (current - 1) * PAGE_SIZE + 1, pager };
}

export interface IssueRefModel {
  publicationId: string;
  publication: string;
  date: string;
  datePrecision: Issue['datePrecision'];
  articleCount: number;
}

function issueRef(issue: Issue): IssueRefModel {
  const { publicationId, publication, date, datePrecision, articleCount } = issue;
  return { publicationId, publication, date, datePrecision, articleCount };
}

export interface PageRefModel {
  key: string;
  number?: number;
  name?: string;
  articleCount: number;
}

function pageRef(page: IssuePage): PageRefModel {
  const ref: PageRefModel = { key: page.key, articleCount: page.articles.length };
  if (page.number !== undefined) ref.number = page.number;
  if (page.name !== undefined) ref.name = page.name;
  return ref;
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

export function homeModel(view: ArchiveView) {
  const latest = view.latestIssues().map((issue) => ({
    issue: issueRef(issue),
    pages: issue.pages.map(pageRef),
    headlines: issue.pages.flatMap((page) => page.articles).slice(0, 6),
  }));
  const months = view.years.flatMap((year) => year.months).filter((month) => month.days.length > 0);
  return {
    latest,
    recentMonths: months.slice(-2),
    totals: {
      articles: view.articles.length,
      issues: view.issues.size,
      publications: view.issuesByPublication.size,
    },
    newest: view.newestFirst.slice(0, 10),
  };
}

export function publicationModel(view: ArchiveView, publicationId: string, current: ListingPage) {
  const articles = view.articlesByPublication.get(publicationId);
  const issues = view.issuesByPublication.get(publicationId) ?? [];
  if (!articles) return undefined;
  const page = listing(articles, current);
  if (!page) return undefined;
  const publication = view.publicationNames.get(publicationId) ?? publicationId;
  // Only the newest page tells of the latest issues: numbered pages stay as they are.
  if (current !== 'latest') return { publicationId, publication, listing: page };
  return {
    publicationId,
    publication,
    issueCount: issues.length,
    latestIssues: issues.slice(-10).reverse().map(issueRef),
    listing: page,
  };
}

/**
 * What an issue holds: its pages and their articles. Its page and article pages show nothing
 * else (pageModel, articleModel: neighbours are found within the issue), so the build digests
 * this once for all of them (routes.ts) rather than each of their models.
 */
export function issueContents(issue: Issue) {
  return {
    issue: issueRef(issue),
    pages: issue.pages.map((page) => ({ ...pageRef(page), articles: page.articles })),
  };
}

export function issueModel(view: ArchiveView, publicationId: string, date: string) {
  const issue = view.issue(publicationId, date);
  if (!issue) return undefined;
  const { previous, next } = view.adjacentIssues(issue);
  return {
    ...issueContents(issue),
    ...optional('previous', previous && issueRef(previous)),
    ...optional('next', next && issueRef(next)),
  };
}

export function pageModel(view: ArchiveView, publicationId: string, date: string, key: string) {
  const issue = view.issue(publicationId, date);
  const page = issue?.pages.find((candidate) => candidate.key === key);
  if (!issue || !page) return undefined;
  const { previous, next } = view.adjacentPages(issue, key);
  return {
    issue: issueRef(issue),
    page: pageRef(page),
    articles: page.articles,
    ...optional('previous', previous && pageRef(previous)),
    ...optional('next', next && pageRef(next)),
  };
}

/** The headline of a neighbouring article, for 上一篇/下一篇. */
function neighbour(article: ArticleSummary) {
  const { id, publicationId, date, page, position, headline } = article;
  return { id, publicationId, date, page, position, headline };
}

export function articleModel(view: ArchiveView, articleId: string) {
  const summary = view.byId.get(articleId);
  if (!summary) return undefined;
  const issue = view.issueOf(summary);
  const page = issue.pages.find((candidate) => candidate.key === summary.page.key)!;
  const { previous, next } = view.adjacentArticles(summary);
  return {
    summary,
    issue: issueRef(issue),
    page: pageRef(page),
    ...optional('previous', previous && neighbour(previous)),
    ...optional('next', next && neighbour(next)),
  };
}

export function calendarModel(view: ArchiveView) {
  return {
    years: view.years.map((year) => ({
      year: year.year,
      articleCount: year.articleCount,
      months: year.months.map(({ month, articleCount, days }) => ({ month, articleCount, dayCount: days.length })),
      undatedIssues: year.undatedIssues.map(issueRef),
    })),
  };
}

function yearRef(year: YearCount | undefined) {
  return year && { year: year.year, articleCount: year.articleCount };
}

function monthGrid(month: MonthCount) {
  return {
    month: month.month,
    articleCount: month.articleCount,
    days: month.days.map((day) => ({
      date: day.date,
      articleCount: day.articleCount,
      issues: day.issues.map(issueRef),
    })),
    undatedIssues: month.undatedIssues.map(issueRef),
  };
}

export type MonthGridModel = ReturnType<typeof monthGrid>;

export function calendarYearModel(view: ArchiveView, year: string) {
  const index = view.years.findIndex((candidate) => candidate.year === year);
  const found = view.years[index];
  if (!found) return undefined;
  return {
    year,
    articleCount: found.articleCount,
    months: found.months.map(monthGrid),
    undatedIssues: found.undatedIssues.map(issueRef),
    ...optional('previous', yearRef(view.years[index - 1])),
    ...optional('next', yearRef(view.years[index + 1])),
  };
}

export function calendarMonthModel(view: ArchiveView, year: string, month: string) {
  const months = view.years.flatMap((candidate) => candidate.months);
  const index = months.findIndex((candidate) => candidate.month === `${year}-${month}`);
  const found = months[index];
  if (!found) return undefined;
  const around = (other: MonthCount | undefined) => other && { month: other.month, articleCount: other.articleCount };
  return {
    ...monthGrid(found),
    ...optional('previous', around(months[index - 1])),
    ...optional('next', around(months[index + 1])),
  };
}

export function sectionsIndexModel(view: ArchiveView) {
  return {
    sections: [...view.sections]
      .map(([name, articles]) => ({ name, articleCount: articles.length, latest: articles[0]!.date }))
      .sort((a, b) => b.articleCount - a.articleCount || (a.name < b.name ? -1 : 1)),
  };
}

export function sectionModel(view: ArchiveView, name: string, current: ListingPage) {
  const articles = view.sections.get(name);
  const page = articles && listing(articles, current);
  return page && { name, listing: page };
}

export function peopleIndexModel(view: ArchiveView) {
  const people = [...view.people].map(([name, credits]) => {
    const roles = new Set<BylineRole>(credits.flatMap((credit) => credit.roles));
    return { name, articleCount: credits.length, roles: [...roles] };
  });
  // Grouped by surname, the way a Chinese index of names reads.
  const groups = new Map<string, typeof people>();
  for (const person of people.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const initial = [...person.name][0] ?? '';
    groups.set(initial, [...(groups.get(initial) ?? []), person]);
  }
  return { groups: [...groups].map(([initial, members]) => ({ initial, people: members })) };
}

export function personModel(view: ArchiveView, name: string, current: ListingPage) {
  const credits = view.people.get(name);
  const page = credits && listing<Credit>(credits, current);
  return page && { name, listing: page };
}

/** How many articles of earlier years a 往年今日 page lists per issue. */
const ON_THIS_DAY_PER_ISSUE = 8;

export function onThisDayIndexModel(view: ArchiveView) {
  return {
    days: [...view.onThisDay]
      .map(([monthDay, articles]) => ({ monthDay, articleCount: articles.length }))
      .sort((a, b) => (a.monthDay < b.monthDay ? -1 : 1)),
  };
}

export function onThisDayModel(view: ArchiveView, monthDay: string) {
  const articles = view.onThisDay.get(monthDay);
  if (!articles) return undefined;
  const issues = new Map<string, { issue: IssueRefModel; articles: ArticleSummary[] }>();
  for (const article of articles) {
    const key = `${article.date}/${article.publicationId}`;
    const entry = issues.get(key) ?? { issue: issueRef(view.issueOf(article)), articles: [] };
    if (entry.articles.length < ON_THIS_DAY_PER_ISSUE) entry.articles.push(article);
    issues.set(key, entry);
  }
  return { monthDay, issues: [...issues.values()] };
}

/** The feed's latest articles. */
export const FEED_SIZE = 50;

export function feedModel(view: ArchiveView) {
  return { articles: view.newestFirst.slice(0, FEED_SIZE) };
}
