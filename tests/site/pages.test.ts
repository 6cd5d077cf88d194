/**
 * The built site, read as a reader sees it, for the five seed pages. Expected values come
 * from the pages themselves (see tests/fixtures/seed-pages.ts) and the manifest.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { articleSchema } from '../../src/lib/article';
import { fileFor, htmlFiles } from '../../scripts/lib/verify-site';
import { seedPages } from '../fixtures/seed-pages';
import { builtFile, builtPage, DIST } from '../helpers/dist';

const headlinesOf = (file: string) => seedPages.find((page) => page.file === file)!.articles.map((a) => a.headline);

describe('the calendar', () => {
  test('lists the years and months that have papers, newest year first', () => {
    const page = builtPage('/calendar/');
    expect(page.texts('h2.section-heading')).toEqual(['2026年（27篇）', '2024年（6篇）']);
    expect(page.hrefs('a[href^="/calendar/2026/"]')).toEqual([
      '/calendar/2026/',
      '/calendar/2026/01/',
      '/calendar/2026/03/',
    ]);
  });

  test('marks the days that have papers, with their article counts', () => {
    const page = builtPage('/calendar/2026/01/');
    const days = page.all('td.has-papers a');
    expect(days.map((day) => day.properties.ariaLabel)).toEqual(['1月21日，4篇文章']);
    expect(page.text('#d-2026-01-21')).toContain('嘉兴日报（4篇）');
    expect(page.hrefs('#d-2026-01-21 a')).toEqual(['/jxrb/2026-01-21/']);
  });

  test('lists papers known only to the month under that month', () => {
    const page = builtPage('/calendar/2026/03/');
    expect(page.all('td.has-papers')).toHaveLength(0);
    expect(page.texts('#undated-heading + ul a')).toEqual(['嘉兴日报（7篇）', '平湖日报（6篇）']);
  });

  test('a year shows twelve months and the papers known only to the year', () => {
    const page = builtPage('/calendar/2026/');
    expect(page.all('table.month-grid')).toHaveLength(12);
    expect(page.texts('#undated-heading + ul a')).toEqual(['平湖日报（10篇）']);
  });
});

describe('an issue page', () => {
  test('lists its pages and their articles in page order', () => {
    const page = builtPage('/jxrb/2026-01-21/');
    expect(page.text('h1')).toBe('嘉兴日报');
    expect(page.texts('section h2.section-heading')).toEqual(['两会新声']);
    expect(page.texts('.article-list h3')).toEqual(headlinesOf('000_84a986c9a714f652.txt'));
  });

  test('a front page lists its seven articles as printed', () => {
    const page = builtPage('/jxrb/2026-03/');
    expect(page.texts('section h2.section-heading')).toEqual(['第1版']);
    expect(page.texts('.article-list h3')).toEqual(headlinesOf('002_0c3393ab9dbfb191.txt'));
    expect(page.hrefs('.article-list h3 a')).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => `/jxrb/2026-03/1/${n}/`));
  });

  test('has a JSON twin with its pages and full articles', () => {
    const data = JSON.parse(builtFile('/api/jxrb/2026-01-21.json'));
    expect(data).toMatchObject({ publicationId: 'jxrb', date: '2026-01-21', datePrecision: 'day' });
    expect(data.pages.map((p: { name: string }) => p.name)).toEqual(['两会新声']);
    const articles = data.pages[0].articles;
    expect(articles.map((a: { headline: string }) => a.headline)).toEqual(headlinesOf('000_84a986c9a714f652.txt'));
    for (const article of articles) expect(() => articleSchema.parse(article)).not.toThrow();
  });
});

describe('an article page', () => {
  const lead = () => builtPage('/jxrb/2026-03/1/1/');

  test('shows its kicker, headline, byline and where it was printed', () => {
    const page = lead();
    expect(page.text('article .kicker')).toBe('陈伟在答好“创新驱动之问”、加快建设一流创新生态工作推进座谈会上强调');
    expect(page.text('article h1')).toBe(
      '全力促进创新链产业链资金链人才链深度融合 不断推动一流创新生态建设取得新进展新成效',
    );
    expect(page.text('article .byline')).toBe('记者 潘琳娟');
    expect(page.hrefs('article .byline a')).toEqual([`/people/${encodeURIComponent('潘琳娟')}/`]);
    expect(page.text('.article-meta')).toContain('2026年3月（具体日期不详）');
    expect(page.text('.article-meta')).toContain('第1版');
  });

  test('shows the body with its dateline and joined paragraphs, anchored for citation', () => {
    const page = lead();
    const paragraphs = page.texts('.article-body p');
    expect(paragraphs).toHaveLength(4);
    expect(paragraphs[0]).toMatch(/^本报讯 昨天上午,市委书记陈伟主持召开座谈会/);
    expect(page.text('.article-body p strong')).toBe('本报讯');
    expect(paragraphs[0]).toContain('不断推动一流创新生态建设取得新进展新成效。市领导沈雨祥、戴锋参加会议。');
    expect(page.all('.article-body [id]').map((element) => element.properties.id)).toEqual(['p1', 'p2', 'p3', 'p4']);
  });

  test('has breadcrumbs publication › date › page that lead to real pages', () => {
    const page = lead();
    expect(page.texts('nav.breadcrumbs li')).toEqual([
      '嘉兴日报',
      '2026年3月',
      '第1版',
      '全力促进创新链产业链资金链人才链深度融合 不断推动一流创新生态建设取得新进展新成效',
    ]);
    const hrefs = page.hrefs('nav.breadcrumbs a');
    expect(hrefs).toEqual(['/jxrb/', '/jxrb/2026-03/', '/jxrb/2026-03/1/']);
    for (const href of hrefs) expect(fileFor(DIST, href)).toBeDefined();
  });

  test('links 上一篇 and 下一篇 within its issue', () => {
    expect(lead().hrefs('nav.article-nav a')).toEqual(['/jxrb/2026-03/1/2/']);
    const second = builtPage('/jxrb/2026-03/1/2/');
    expect(second.texts('nav.article-nav a')).toEqual([
      '上一篇 全力促进创新链产业链资金链人才链深度融合 不断推动一流创新生态建设取得新进展新成效',
      '下一篇 市政协八届联谊会第五次会议暨两会精神专题学习会召开',
    ]);
    expect(builtPage('/jxrb/2026-03/1/7/').hrefs('nav.article-nav a')).toEqual(['/jxrb/2026-03/1/6/']);
  });

  test('says when the source breaks off', () => {
    const page = builtPage('/jxrb/2026-03/1/7/');
    expect(page.text('p.notice.continued')).toContain('本文在此版页末中断');
    expect(page.text('aside.defects')).toContain('文字中断（原文第171行）');
  });

  test('a photo shows its caption as a figure and credits its photographers', () => {
    const page = builtPage('/jxrb/2026-03/1/4/');
    expect(page.text('figure figcaption')).toMatch(/^昨天,在秀洲区人民医院高新院区/);
    expect(page.text('article .byline')).toBe('摄影 赵颖硕 宋加');
  });

  test('a speech names its speaker and whom they spoke for', () => {
    const page = builtPage('/phrb/2026/zhengxie-fayan/2/');
    expect(page.text('article .byline')).toBe('发言 喻晓霞');
    expect(page.text('article .speaker')).toBe('喻晓霞委员代表民盟平湖市基层委、市政协钟埭街道委员小组发言');
  });

  test('a commentary shows its writer and its column', () => {
    const page = builtPage('/phrb/2026-03/weilai-chanye/3/');
    expect(page.text('article .byline')).toBe('作者 韩胜超');
    expect(page.text('.article-meta')).toContain('专栏 第一评论 栏目统筹 黄金凤');
  });

  test('a shared page byline is marked as such', () => {
    expect(builtPage('/jxrb/2026-01-21/lianghuixinsheng/2/').text('article .byline')).toBe(
      '记者 周丽丽 苗楠钰（本版统一署名）',
    );
  });

  test('offers a citation with its permalink', () => {
    expect(lead().text('#citation-text')).toBe(
      '潘琳娟. 全力促进创新链产业链资金链人才链深度融合 不断推动一流创新生态建设取得新进展新成效[N]. 嘉兴日报, 2026-03(1). https://archive.example.org/jxrb/2026-03/1/1/.',
    );
  });

  test('carries NewsArticle JSON-LD and Open Graph tags', () => {
    const page = lead();
    const jsonLd = JSON.parse(page.text('script[type="application/ld+json"]'));
    expect(jsonLd).toMatchObject({
      '@type': 'NewsArticle',
      headline: '全力促进创新链产业链资金链人才链深度融合 不断推动一流创新生态建设取得新进展新成效',
      datePublished: '2026-03',
      publisher: { name: '嘉兴日报' },
      author: [{ name: '潘琳娟', jobTitle: '记者' }],
    });
    expect(page.one('meta[property="og:type"]')?.properties.content).toBe('article');
    expect(page.one('link[rel="canonical"]')?.properties.href).toBe('https://archive.example.org/jxrb/2026-03/1/1/');
  });

  test('keywords lead to their search', () => {
    const hrefs = lead().hrefs('.keywords a');
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(/^\/search\/\?q=/);
  });
});

describe('an article page’s script', () => {
  /** The scripts a page loads: its own, and the modules they import, each once. */
  const scriptsOf = (sitePath: string): Map<string, string> => {
    const loaded = new Map<string, string>();
    const load = (src: string) => {
      if (loaded.has(src)) return;
      const code = builtFile(src);
      loaded.set(src, code);
      for (const [, imported] of code.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/gu)) load(`/_astro/${imported}`);
    };
    for (const script of builtPage(sitePath).all('script[src]')) load(String(script.properties.src));
    return loaded;
  };

  test('is a few KB (marking the hits of the search that led there, citing), never the search index’s reader', () => {
    const scripts = scriptsOf('/jxrb/2026-03/1/1/');
    expect(scripts.size).toBeGreaterThan(0);
    const gzipped = [...scripts.values()].reduce((sum, code) => sum + gzipSync(code).length, 0);
    expect(gzipped).toBeLessThan(7 * 1024);
    // Words the index reader's inflate (fflate) reports errors with.
    for (const [src, code] of scripts) expect(code, src).not.toMatch(/invalid block type|unexpected EOF/u);
    // …which the search page does carry.
    const search = [...scriptsOf('/search/').values()].join('\n');
    expect(search).toMatch(/invalid block type|unexpected EOF/u);
  });
});

describe('every article page', () => {
  const articlePages = () =>
    JSON.parse(readFileSync(path.join(DIST, 'api/articles.json'), 'utf8')) as Array<{
      id: string;
      publicationId: string;
      date: string;
      page: { key: string };
      position: number;
      headline: string;
    }>;

  test('has exactly one <article data-article-id> holding its <h1> headline and body', () => {
    const articles = articlePages();
    expect(articles).toHaveLength(33);
    for (const article of articles) {
      const page = builtPage(`/${article.publicationId}/${article.date}/${article.page.key}/${article.position}/`);
      const elements = page.all('article[data-article-id]');
      expect(elements).toHaveLength(1);
      expect(elements[0]?.properties.dataArticleId).toBe(article.id);
      expect(page.all('h1')).toHaveLength(1);
      expect(page.text('article[data-article-id] h1')).toBe(article.headline);
      expect(page.one('article[data-article-id] .article-body')).toBeDefined();
    }
  });

  test('is in the sitemap', () => {
    const sitemap = builtFile('/sitemap-0.xml');
    for (const article of articlePages()) {
      expect(sitemap).toContain(
        `<loc>https://archive.example.org/${article.publicationId}/${article.date}/${article.page.key}/${article.position}/</loc>`,
      );
    }
  });
});

describe('listings', () => {
  test('a person’s page lists everything they signed, newest first, with their role', () => {
    const page = builtPage(`/people/${encodeURIComponent('潘琳娟')}/`);
    expect(page.texts('.article-list h3')).toEqual([
      '全力促进创新链产业链资金链人才链深度融合 不断推动一流创新生态建设取得新进展新成效',
      '以生态之优聚创新之力',
    ]);
    expect(page.text('.article-list .meta')).toContain('记者');
  });

  test('a section page lists its articles across dates', () => {
    const page = builtPage(`/sections/${encodeURIComponent('第一评论')}/`);
    expect(page.texts('.article-list h3')).toEqual(['谋未来 见未来 赢未来']);
  });

  test('a paper’s page lists its articles newest first', () => {
    const page = builtPage('/jxrb/');
    const dates = page.texts('.article-list .meta').map((meta) => meta.split(' · ')[1]);
    expect(dates).toHaveLength(17);
    expect(dates[0]).toBe('2026年3月');
    expect(dates.at(7)).toBe('2026年1月21日');
    expect(dates.at(-1)).toBe('2024年');
  });

  test('the home page shows each paper’s latest issue', () => {
    const page = builtPage('/');
    expect(page.texts('.latest-issue > h3')).toEqual(['嘉兴日报', '平湖日报']);
    expect(page.hrefs('.latest-issue > h3 a')).toEqual(['/jxrb/2026-03/', '/phrb/2026-03/']);
  });
});

describe('what the ecosystem expects', () => {
  test('every page is in Chinese and has a search box that leads to /search/', async () => {
    for (const file of await htmlFiles(DIST)) {
      const html = readFileSync(path.join(DIST, file), 'utf8');
      expect(html, file).toContain('<html lang="zh-CN"');
      expect(html, file).toMatch(/<form[^>]+role="search"[^>]+action="\/search\/"/);
    }
  });

  test('the feed is RSS 2.0 with the latest articles', () => {
    const rss = builtFile('/rss.xml');
    expect(rss).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><rss version="2.0"/);
    expect(rss.match(/<item>/g)).toHaveLength(33);
    expect(rss).toContain('<link>https://archive.example.org/jxrb/2026-01-21/lianghuixinsheng/1/</link>');
  });

  test('an unknown address gets the 404 page', () => {
    const page = builtPage('/404.html');
    expect(page.text('h1')).toBe('找不到这个页面');
    expect(page.one('meta[name="robots"]')?.properties.content).toBe('noindex');
  });
});
