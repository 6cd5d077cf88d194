/**
 * The build renders a page again only when what it is made of changes, and digests an
 * issue's contents once for all its page and article pages. That holds only while those
 * pages show nothing from outside their issue: these tests keep it so.
 */
import { describe, expect, test } from 'vitest';
import type { ArticleSummary } from '../../src/lib/archive-index';
import { ArchiveView } from '../../src/lib/site/archive-view';
import { articleModel, issueContents, pageModel } from '../../src/lib/site/models';
import { plannedRoutes } from '../../src/lib/site/routes';
import { paths } from '../../src/lib/site/urls';

const PUBLICATIONS = [
  { id: 'jxrb', name: '嘉兴日报' },
  { id: 'phrb', name: '平湖日报' },
];

/** Three pages of three articles for each paper and day. */
function summaries(days: number): ArticleSummary[] {
  const all: ArticleSummary[] = [];
  for (let day = 0; day < days; day++) {
    const date = new Date(Date.UTC(2016, 0, 1 + day)).toISOString().slice(0, 10);
    for (const { id: publicationId, name: publication } of PUBLICATIONS)
      for (let page = 1; page <= 3; page++)
        for (let position = 1; position <= 3; position++)
          all.push({
            id: `${publicationId}-${date.replaceAll('-', '')}-p${page}-0${position}`,
            publication,
            publicationId,
            date,
            datePrecision: 'day',
            page: { key: String(page), number: page, name: ['要闻', '民生', '副刊'][page - 1]! },
            position,
            section: ['要闻', '民生', '副刊'][page - 1]!,
            kind: 'news',
            headline: `${publication}${date}第${page}版第${position}篇`,
            continued: false,
            byline: { reporters: ['周丽丽'], correspondents: [], photographers: [], authors: [], shared: false },
            excerpt: '正文',
            file: `${publicationId}-${date}-${page}.txt`,
            digest: `${publicationId}${day}${page}${position}`,
          });
  }
  return all;
}

const view = (articles: ArticleSummary[]) => new ArchiveView({ articles, pageFiles: {} }, PUBLICATIONS);

describe("an issue's page and article pages", () => {
  const archive = view(summaries(4));

  test('show the same whether the archive holds other issues or only theirs', () => {
    for (const issue of archive.issues.values()) {
      const alone = view(issue.pages.flatMap((page) => page.articles));
      for (const page of issue.pages) {
        expect(pageModel(alone, issue.publicationId, issue.date, page.key)).toEqual(
          pageModel(archive, issue.publicationId, issue.date, page.key),
        );
        for (const article of page.articles)
          expect(articleModel(alone, article.id)).toEqual(articleModel(archive, article.id));
      }
    }
  });

  test("are planned as made of their issue's contents, one object for all of them", () => {
    const routes = new Map([...plannedRoutes(archive)].map((route) => [route.path, route.model]));
    for (const issue of archive.issues.values()) {
      const contents = routes.get(paths.page(issue, issue.pages[0]!.key));
      expect(contents).toEqual(issueContents(issue));
      for (const page of issue.pages) {
        expect(routes.get(paths.page(issue, page.key))).toBe(contents);
        for (const article of page.articles) expect(routes.get(paths.article(article))).toBe(contents);
      }
    }
  });

  test('are made of the same when a day is added, while the issue before it links to the new one', () => {
    const before = new Map([...plannedRoutes(view(summaries(4)))].map((route) => [route.path, route.model]));
    const after = new Map([...plannedRoutes(view(summaries(5)))].map((route) => [route.path, route.model]));
    const changed = [...before].filter(([path, model]) => !isEqual(after.get(path), model)).map(([path]) => path);
    const lastDay = { publicationId: 'jxrb', date: '2016-01-04' };
    expect(changed).toContain(paths.issue(lastDay));
    expect(changed.filter((path) => path.startsWith(paths.issue(lastDay)))).toEqual([paths.issue(lastDay)]);
    expect(changed.some((path) => path.startsWith('/jxrb/2016-01-01/'))).toBe(false);
  });
});

function isEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
