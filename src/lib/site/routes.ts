/**
 * Every page the site has, with the model it shows: the build renders each path and
 * re-renders it only when the digest of its model changes.
 */
import { articleId } from '../ids';
import type { ArchiveView } from './archive-view';
import {
  articleModel,
  calendarModel,
  calendarMonthModel,
  calendarYearModel,
  feedModel,
  homeModel,
  issueModel,
  onThisDayIndexModel,
  onThisDayModel,
  pageModel,
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
  /** What the page shows; its digest decides whether the page must be rendered again. */
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
    for (const page of issue.pages) {
      yield { path: paths.page(issue, page.key), model: pageModel(view, issue.publicationId, issue.date, page.key) };
      for (const article of page.articles) {
        const id = articleId({ publicationId: issue.publicationId, date: issue.date, page }, article.position);
        yield { path: paths.article(article), model: articleModel(view, id) };
      }
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
