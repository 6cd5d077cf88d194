/**
 * Every page the site has, with what it is made of: the build renders each path and
 * re-renders it only when the digest of that changes.
 */
import type { ArchiveView } from './archive-view';
import {
  calendarModel,
  calendarMonthModel,
  calendarYearModel,
  feedModel,
  homeModel,
  issueContents,
  issueModel,
  onThisDayIndexModel,
  onThisDayModel,
  peopleIndexModel,
  personModel,
  publicationModel,
  sectionModel,
  sectionsIndexModel,
} from './models';
import { pageCount } from './pagination';
import { paths } from './urls';

export interface PlannedRoute {
  /** Site path (without the base), e.g. /jxrb/2026-03/1/2/ */
  path: string;
  /**
   * What the page is made of; its digest decides whether the page must be rendered again.
   * The page's model, or for an issue's page and article pages the issue's contents, which
   * is all their models are made of: at 50,000 articles, digesting each of their models
   * took most of a day's build on the main thread.
   */
  model: unknown;
}

/** Pages whose content does not depend on the archive: only a template change re-renders them. */
const STATIC_PATHS = [paths.search(), '/404'];

/** A listing's newest page, and its numbered pages when it has more than one page of articles. */
function* listingPages(total: number, path: (page?: number) => string, model: (page: 'latest' | number) => unknown) {
  yield { path: path(), model: model('latest') };
  for (let page = 1; page <= pageCount(total); page++) yield { path: path(page), model: model(page) };
}

export function* plannedRoutes(view: ArchiveView): Generator<PlannedRoute> {
  yield { path: paths.home(), model: homeModel(view) };
  yield { path: paths.rss(), model: feedModel(view) };
  for (const path of STATIC_PATHS) yield { path, model: null };

  for (const [publicationId, articles] of view.articlesByPublication) {
    yield* listingPages(
      articles.length,
      (page) => (page === undefined ? paths.publication(publicationId) : paths.publicationArchive(publicationId, page)),
      (page) => publicationModel(view, publicationId, page),
    );
  }
  for (const issue of view.issues.values()) {
    const model = issueModel(view, issue.publicationId, issue.date);
    yield { path: paths.issue(issue), model };
    yield { path: paths.issueJson(issue), model };
    // One object for all of them: the build digests it once (tested against pageModel and articleModel).
    const contents = issueContents(issue);
    for (const page of issue.pages) {
      yield { path: paths.page(issue, page.key), model: contents };
      for (const article of page.articles) yield { path: paths.article(article), model: contents };
    }
  }

  yield { path: paths.calendar(), model: calendarModel(view) };
  for (const year of view.years) {
    yield { path: paths.calendar(year.year), model: calendarYearModel(view, year.year) };
    for (const month of year.months) {
      const [, monthNumber = ''] = month.month.split('-');
      yield { path: paths.calendar(year.year, monthNumber), model: calendarMonthModel(view, year.year, monthNumber) };
    }
  }

  yield { path: paths.sections(), model: sectionsIndexModel(view) };
  for (const [name, articles] of view.sections) {
    yield* listingPages(
      articles.length,
      (page) => paths.section(name, page),
      (page) => sectionModel(view, name, page),
    );
  }

  yield { path: paths.people(), model: peopleIndexModel(view) };
  for (const [name, credits] of view.people) {
    yield* listingPages(
      credits.length,
      (page) => paths.person(name, page),
      (page) => personModel(view, name, page),
    );
  }

  yield { path: paths.onThisDay(), model: onThisDayIndexModel(view) };
  for (const monthDay of view.onThisDay.keys()) {
    const model = onThisDayModel(view, monthDay);
    yield { path: paths.onThisDay(monthDay), model };
    yield { path: paths.onThisDayJson(monthDay), model };
  }
}
