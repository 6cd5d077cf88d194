/**
 * Listings (a paper's, a section's, a person's articles) grow with the archive; their
 * numbered pages, counted from the oldest, must not change when new articles arrive, so
 * links to them hold and a rebuild leaves them alone.
 */
import { describe, expect, test } from 'vitest';
import type { ArticleSummary } from '../../src/lib/archive-index';
import { ArchiveView } from '../../src/lib/site/archive-view';
import { personModel, publicationModel, sectionModel } from '../../src/lib/site/models';

function summaries(days: number): ArticleSummary[] {
  return Array.from({ length: days }, (_, index) => {
    const date = new Date(Date.UTC(2016, 0, 1 + index)).toISOString().slice(0, 10);
    return {
      id: `jxrb-${date.replaceAll('-', '')}-p1-01`,
      publication: '嘉兴日报',
      publicationId: 'jxrb',
      date,
      datePrecision: 'day',
      page: { key: '1', number: 1, name: '要闻' },
      position: 1,
      section: '要闻',
      kind: 'news',
      headline: `第${index + 1}天的新闻`,
      continued: false,
      byline: { reporters: ['周丽丽'], correspondents: [], photographers: [], authors: [], shared: false },
      excerpt: '正文',
      file: `${date}.txt`,
      digest: String(index),
    };
  });
}

const PUBLICATIONS = [{ id: 'jxrb', name: '嘉兴日报' }];

describe('a listing as the archive grows', () => {
  const before = new ArchiveView({ articles: summaries(95), pageFiles: {} }, PUBLICATIONS);
  const after = new ArchiveView({ articles: summaries(103), pageFiles: {} }, PUBLICATIONS);

  test('keeps its older numbered pages exactly as they were', () => {
    for (const page of [1, 2]) {
      expect(sectionModel(after, '要闻', page)).toEqual(sectionModel(before, '要闻', page));
      expect(personModel(after, '周丽丽', page)).toEqual(personModel(before, '周丽丽', page));
      expect(publicationModel(after, 'jxrb', page)).toEqual(publicationModel(before, 'jxrb', page));
    }
  });

  test('numbers its pages from the oldest article: page 1 holds the first 20', () => {
    const first = sectionModel(after, '要闻', 1)!;
    expect(first.listing.items.map((article) => article.headline).at(-1)).toBe('第1天的新闻');
    expect(first.listing.items).toHaveLength(20);
    expect(first.listing.first).toBe(1);
  });

  test('tells the total and offers the newest numbered pages on its newest page', () => {
    const latest = sectionModel(after, '要闻', 'latest')!;
    expect(latest.listing.total).toBe(103);
    expect(latest.listing.items[0]!.headline).toBe('第103天的新闻');
    expect(latest.listing.pager).toEqual([
      { kind: 'latest' },
      { kind: 'page', number: 6 },
      { kind: 'page', number: 5 },
      { kind: 'page', number: 4 },
      { kind: 'gap' },
      { kind: 'page', number: 1 },
    ]);
  });

  test('a paper with no articles yet still has its page', () => {
    const empty = new ArchiveView({ articles: [], pageFiles: {} }, PUBLICATIONS);
    expect(publicationModel(empty, 'jxrb', 'latest')).toMatchObject({ publication: '嘉兴日报', issueCount: 0 });
  });
});
