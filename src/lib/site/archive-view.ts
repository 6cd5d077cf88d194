/**
 * The ways a reader moves through the archive — issues and their pages, sections,
 * people, the calendar — derived once from the article summaries.
 */
import type { ArchiveIndex, ArticleSummary } from '../archive-index';
import { nameSegment } from './urls';

export interface IssuePage {
  key: string;
  number?: number;
  name?: string;
  /** The page's articles in reading order. */
  articles: ArticleSummary[];
}

export interface Issue {
  publicationId: string;
  publication: string;
  date: string;
  datePrecision: ArticleSummary['datePrecision'];
  /** Pages in print order (numbered pages first). */
  pages: IssuePage[];
  articleCount: number;
}

export type BylineRole = 'reporters' | 'correspondents' | 'photographers' | 'authors';

export const ROLE_NAMES: Record<BylineRole, string> = {
  reporters: '记者',
  correspondents: '通讯员',
  photographers: '摄影',
  authors: '作者',
};

export interface Credit {
  article: ArticleSummary;
  roles: BylineRole[];
}

export interface DayCount {
  /** yyyy-mm-dd */
  date: string;
  issues: Issue[];
  articleCount: number;
}

export interface MonthCount {
  /** yyyy-mm */
  month: string;
  days: DayCount[];
  /** Issues dated only to this month. */
  undatedIssues: Issue[];
  articleCount: number;
}

export interface YearCount {
  year: string;
  months: MonthCount[];
  /** Issues dated only to this year. */
  undatedIssues: Issue[];
  articleCount: number;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

type PageOrder = { number?: number | undefined; key: string };

export function comparePages(a: PageOrder, b: PageOrder): number {
  return (a.number ?? Infinity) - (b.number ?? Infinity) || byText(a.key, b.key);
}

/** Archive order: publication, date, page, place on the page. */
export function compareArchiveOrder(a: ArticleSummary, b: ArticleSummary): number {
  return (
    byText(a.publicationId, b.publicationId) ||
    byText(a.date, b.date) ||
    comparePages(a.page, b.page) ||
    a.position - b.position
  );
}

/** Newest first; within one date, archive order. */
export function compareNewestFirst(a: ArticleSummary, b: ArticleSummary): number {
  return byText(b.date, a.date) || compareArchiveOrder(a, b);
}

/** The headings an article can be browsed under: its section, page name, column and series, and its page number. */
export function sectionsOf(article: ArticleSummary): string[] {
  const names = [
    article.section,
    article.page.name,
    article.column?.name ?? article.column?.label,
    article.series,
    article.page.number !== undefined ? `第${article.page.number}版` : undefined,
  ];
  return [...new Set(names.filter((name): name is string => Boolean(name)))];
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export class ArchiveView {
  /** All articles in archive order. */
  readonly articles: ArticleSummary[];
  readonly byId = new Map<string, ArticleSummary>();
  /** Issues by `${publicationId}/${date}`, and each publication's issues oldest first. */
  readonly issues = new Map<string, Issue>();
  readonly issuesByPublication = new Map<string, Issue[]>();
  /** Articles under each section name, newest first. */
  readonly sections = new Map<string, ArticleSummary[]>();
  /** Everyone who signed an article, with their roles, newest first. */
  readonly people = new Map<string, Credit[]>();
  /** Articles of each publication, newest first (every configured paper, even with none yet). */
  readonly articlesByPublication = new Map<string, ArticleSummary[]>();
  /** Each issue's articles in reading order and each one's place there, made when first asked for. */
  private readonly readingOrders = new WeakMap<
    Issue,
    { articles: ArticleSummary[]; places: Map<ArticleSummary, number> }
  >();
  /** Each paper's name by its id. */
  readonly publicationNames = new Map<string, string>();
  /** Day-dated articles by month-day (03-28), newest first. */
  readonly onThisDay = new Map<string, ArticleSummary[]>();
  readonly years: YearCount[];
  /** All articles, newest first. */
  readonly newestFirst: ArticleSummary[];
  /** Section and person names by their URL segment. */
  private readonly sectionNames = new Map<string, string>();
  private readonly personNames = new Map<string, string>();

  /** `publications`: the papers the archive is configured for, which have a page even before their first issue. */
  constructor(index: ArchiveIndex, publications: ReadonlyArray<{ id: string; name: string }> = []) {
    for (const { id, name } of publications) {
      this.articlesByPublication.set(id, []);
      this.publicationNames.set(id, name);
    }
    this.articles = [...index.articles].sort(compareArchiveOrder);
    this.newestFirst = [...this.articles].sort(compareNewestFirst);
    for (const article of this.articles) {
      this.byId.set(article.id, article);
      this.addToIssue(article);
    }
    for (const article of this.newestFirst) {
      pushTo(this.articlesByPublication, article.publicationId, article);
      if (!this.publicationNames.has(article.publicationId))
        this.publicationNames.set(article.publicationId, article.publication);
      for (const name of sectionsOf(article)) pushTo(this.sections, this.canonical(this.sectionNames, name), article);
      for (const [name, roles] of creditsOf(article)) {
        pushTo(this.people, this.canonical(this.personNames, name), { article, roles });
      }
      if (article.datePrecision === 'day') pushTo(this.onThisDay, article.date.slice(5), article);
    }
    for (const issue of this.issues.values()) {
      issue.pages.sort(comparePages);
      pushTo(this.issuesByPublication, issue.publicationId, issue);
    }
    for (const list of this.issuesByPublication.values()) list.sort((a, b) => byText(a.date, b.date));
    this.years = countByCalendar([...this.issues.values()]);
  }

  /** The first name seen for a URL segment: names that differ only in spaces or URL characters share a page. */
  private canonical(names: Map<string, string>, name: string): string {
    const segment = nameSegment(name);
    const known = names.get(segment);
    if (known !== undefined) return known;
    names.set(segment, name);
    return name;
  }

  /** The section a URL segment stands for. */
  sectionFromSegment(segment: string): string | undefined {
    return this.sectionNames.get(nameSegment(segment));
  }

  /** The person a URL segment stands for. */
  personFromSegment(segment: string): string | undefined {
    return this.personNames.get(nameSegment(segment));
  }

  private addToIssue(article: ArticleSummary): void {
    const key = `${article.publicationId}/${article.date}`;
    let issue = this.issues.get(key);
    if (!issue) {
      issue = {
        publicationId: article.publicationId,
        publication: article.publication,
        date: article.date,
        datePrecision: article.datePrecision,
        pages: [],
        articleCount: 0,
      };
      this.issues.set(key, issue);
    }
    let page = issue.pages.find((candidate) => candidate.key === article.page.key);
    if (!page) {
      page = { key: article.page.key, articles: [] };
      if (article.page.number !== undefined) page.number = article.page.number;
      if (article.page.name !== undefined) page.name = article.page.name;
      issue.pages.push(page);
    }
    page.articles.push(article);
    issue.articleCount++;
  }

  issue(publicationId: string, date: string): Issue | undefined {
    return this.issues.get(`${publicationId}/${date}`);
  }

  issueOf(article: ArticleSummary): Issue {
    return this.issue(article.publicationId, article.date)!;
  }

  /** The issues before and after this one of the same paper. */
  adjacentIssues(issue: Issue): { previous?: Issue; next?: Issue } {
    const list = this.issuesByPublication.get(issue.publicationId) ?? [];
    const index = list.indexOf(issue);
    return neighbours(list, index);
  }

  /** 上一版 / 下一版 within an issue. */
  adjacentPages(issue: Issue, key: string): { previous?: IssuePage; next?: IssuePage } {
    return neighbours(
      issue.pages,
      issue.pages.findIndex((page) => page.key === key),
    );
  }

  /** 上一篇 / 下一篇: the articles before and after this one in the issue, in page order. */
  adjacentArticles(article: ArticleSummary): { previous?: ArticleSummary; next?: ArticleSummary } {
    // Asked once for each article of the archive: the issue's order is worked out once.
    const issue = this.issueOf(article);
    let order = this.readingOrders.get(issue);
    if (!order) {
      const articles = issue.pages.flatMap((page) => page.articles);
      order = { articles, places: new Map(articles.map((summary, place) => [summary, place])) };
      this.readingOrders.set(issue, order);
    }
    return neighbours(order.articles, order.places.get(article) ?? -1);
  }

  /** The latest issue of each publication. */
  latestIssues(): Issue[] {
    return [...this.issuesByPublication.values()]
      .map((list) => list[list.length - 1])
      .filter((issue): issue is Issue => issue !== undefined);
  }
}

function neighbours<T>(list: readonly T[], index: number): { previous?: T; next?: T } {
  if (index < 0) return {};
  const result: { previous?: T; next?: T } = {};
  const previous = list[index - 1];
  const next = list[index + 1];
  if (previous !== undefined) result.previous = previous;
  if (next !== undefined) result.next = next;
  return result;
}

function creditsOf(article: ArticleSummary): Map<string, BylineRole[]> {
  const credits = new Map<string, BylineRole[]>();
  for (const role of Object.keys(ROLE_NAMES) as BylineRole[]) {
    for (const name of article.byline[role]) pushTo(credits, name, role);
  }
  return credits;
}

/** Issues counted by year, month and day; issues dated only to a month or year sit at that level. */
export function countByCalendar(issues: readonly Issue[]): YearCount[] {
  const years = new Map<string, YearCount>();
  const sorted = [...issues].sort((a, b) => byText(a.date, b.date) || byText(a.publicationId, b.publicationId));
  for (const issue of sorted) {
    const [year = '', month, day] = issue.date.split('-');
    let yearCount = years.get(year);
    if (!yearCount) years.set(year, (yearCount = { year, months: [], undatedIssues: [], articleCount: 0 }));
    yearCount.articleCount += issue.articleCount;
    if (!month) {
      yearCount.undatedIssues.push(issue);
      continue;
    }
    const monthKey = `${year}-${month}`;
    let monthCount = yearCount.months.find((candidate) => candidate.month === monthKey);
    if (!monthCount) {
      monthCount = { month: monthKey, days: [], undatedIssues: [], articleCount: 0 };
      yearCount.months.push(monthCount);
    }
    monthCount.articleCount += issue.articleCount;
    if (!day) {
      monthCount.undatedIssues.push(issue);
      continue;
    }
    let dayCount = monthCount.days.find((candidate) => candidate.date === issue.date);
    if (!dayCount) monthCount.days.push((dayCount = { date: issue.date, issues: [], articleCount: 0 }));
    dayCount.issues.push(issue);
    dayCount.articleCount += issue.articleCount;
  }
  return [...years.values()];
}
