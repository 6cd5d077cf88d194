/**
 * Search as a reader uses it, in headless Chromium over the built site: /search/?q=…
 * returns every article that contains the query and only those, ranked sensibly, with
 * excerpts of the original text, filters, and a clear answer when nothing matches.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Converter } from 'opencc-js';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, VIEWPORTS } from '../../scripts/lib/browser';
import { watchPage } from '../helpers/page-watch';
import { DIST } from '../helpers/dist';
import { expectedUrls, loadArticles, plain, sampleSubstrings, type OracleArticle } from '../helpers/search-oracle';
import { seededRandom } from '../../scripts/lib/seeded-random';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server';

let browser: Browser;
let server: StaticServer;
let page: Page;
/** Script errors and policy violations on the search page, over all the tests. */
let problems: string[];
let articles: OracleArticle[];
let rawFields: string[];

beforeAll(async () => {
  server = await serveStatic(DIST);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: VIEWPORTS.desktop });
  problems = watchPage(page);
  articles = loadArticles(DIST);
  const { readFileSync } = await import('node:fs');
  const raw = JSON.parse(readFileSync(path.join(DIST, 'api/articles.json'), 'utf8')) as Array<{
    kicker?: string;
    headline: string;
    subheadline?: string;
    paragraphs: Array<{ text: string }>;
  }>;
  rawFields = raw
    .flatMap((a) => [a.kicker, a.headline, a.subheadline, ...a.paragraphs.map((p) => p.text)])
    .filter((field): field is string => Boolean(field));
});

afterAll(async () => {
  expect(problems).toEqual([]);
  await browser?.close();
  await server?.close();
});

const done = (target: Page) =>
  target.waitForSelector('[data-search-results][data-search-status="done"]', { state: 'attached' });

/** Runs a query by typing it, as a reader does, and returns every result URL (asking for more until all show). */
async function search(query: string): Promise<{ total: number; urls: string[] }> {
  await page.fill('#search-query', query);
  await page.evaluate(() =>
    document.querySelector('[data-search-results]')?.setAttribute('data-search-status', 'typing'),
  );
  await page.press('#search-query', 'Enter');
  await done(page);
  while (await page.isVisible('button[data-search-more]')) {
    await page.click('button[data-search-more]');
    await done(page);
  }
  const total = Number(await page.getAttribute('[data-search-results]', 'data-search-total'));
  const urls = await page.$$eval('a[data-result]', (links) =>
    links.map((link) => new URL((link as HTMLAnchorElement).href).pathname),
  );
  return { total, urls };
}

async function openSearch(query = ''): Promise<void> {
  await page.goto(`${server.url}/search/${query ? `?q=${encodeURIComponent(query)}` : ''}`);
  await done(page);
}

describe('finding every article that contains the query, and only those', () => {
  beforeAll(() => openSearch());

  test('names, places and phrases readers search for', async () => {
    for (const query of ['陈利众', '嘉兴南湖机场', '两业融合', '大禹鼎', '具身智能']) {
      const { total, urls } = await search(query);
      const expected = expectedUrls(articles, query);
      expect(urls.sort(), query).toEqual(expected);
      expect(total, query).toBe(expected.length);
    }
  });

  test('random strings of 1 to 8 characters taken from the articles', async () => {
    const random = seededRandom(20261122);
    for (const query of sampleSubstrings(articles, rawFields, 40, random)) {
      const { total, urls } = await search(query);
      const expected = expectedUrls(articles, query);
      expect(urls.sort(), query).toEqual(expected);
      expect(total, query).toBe(expected.length);
    }
  });

  test('several terms: every one must occur', async () => {
    const random = seededRandom(7);
    const pieces = sampleSubstrings(articles, rawFields, 30, random)
      .map(plain)
      .filter((piece) => piece.length >= 2);
    for (let index = 0; index + 1 < pieces.length; index += 2) {
      const query = `${pieces[index]} ${pieces[index + 1]}`;
      const { urls } = await search(query);
      expect(urls.sort(), query).toEqual(expectedUrls(articles, query));
    }
  });

  test('the same queries in traditional characters find the same articles', async () => {
    const toTraditional = Converter({ from: 'cn', to: 'tw' });
    const random = seededRandom(99);
    for (const query of [...sampleSubstrings(articles, rawFields, 20, random), '具身智能', '两业融合']) {
      const traditional = toTraditional(query);
      const { urls } = await search(traditional);
      expect(urls.sort(), `${query} → ${traditional}`).toEqual(expectedUrls(articles, query));
    }
    expect(await page.textContent('[data-search-notice]')).toContain('简体');
  });

  test('the traditional-character table is fetched only for a query that may need it', async () => {
    const fetchesTable = async (query: string) => {
      const context = await browser.newContext();
      const fresh = await context.newPage();
      const first = server.sent.length;
      await fresh.goto(`${server.url}/search/?q=${encodeURIComponent(query)}`);
      await done(fresh);
      await context.close();
      return server.sent.slice(first).some((response) => response.path.endsWith('/search/t2s.json'));
    };
    expect(await fetchesTable('两业融合')).toBe(false);
    expect(await fetchesTable('兩業融合')).toBe(true);
  });

  test('punctuation, width and quotes never decide a match', async () => {
    const expected = expectedUrls(articles, '两业融合');
    for (const query of ['“两业”融合', '两业,融合', '"两业融合"', '两业　融合'.replace('　', '')]) {
      expect((await search(query)).urls.sort(), query).toEqual(expected);
    }
    expect((await search('ＡＩ')).urls.sort()).toEqual(expectedUrls(articles, 'ai'));
    expect((await search('1460.3')).urls.sort()).toEqual(expectedUrls(articles, '1460.3'));
  });
});

describe('ranking', () => {
  beforeAll(() => openSearch());

  test('the article whose full headline is searched ranks first', async () => {
    for (const article of articles) {
      const { urls } = await search(article.headline);
      expect(urls[0], article.headline).toBe(article.url);
    }
  });

  test('headline hits come before body hits', async () => {
    await search('具身智能');
    const first = await page.textContent('a[data-result]');
    expect(first).toContain('具身智能');
  });

  test('newest first is one click away', async () => {
    await search('嘉兴');
    await page.check('input[name="sort"][value="date"]');
    await done(page);
    expect(page.url()).toContain('sort=date');
    const dates = await page.$$eval('.result-meta', (metas) => metas.map((meta) => meta.textContent ?? ''));
    const years = dates.map((meta) => Number(/(\d{4})年/u.exec(meta)?.[1]));
    expect(years).toEqual([...years].sort((a, b) => b - a));
    await page.check('input[name="sort"][value="relevance"]');
    await done(page);
  });
});

describe('results show the original text', () => {
  test('an excerpt around the first hit, with the hits marked and nothing else injected', async () => {
    await openSearch('两业融合');
    const excerpts = page.locator('.result-excerpt');
    expect(await excerpts.count()).toBeGreaterThan(0);
    for (const html of await excerpts.evaluateAll((nodes) => nodes.map((node) => node.innerHTML))) {
      expect(html.replace(/<\/?mark>/g, '')).not.toMatch(/<|>/);
      expect(html).toMatch(/<mark>两业<\/mark>”?<mark>?|<mark>“?两业”?融合<\/mark>/);
    }
    const marked = await page.$$eval('.result-excerpt mark', (marks) => marks.map((mark) => mark.textContent));
    for (const text of marked) expect(plain(text ?? '')).toBe('两业融合');
    const meta = await page.textContent('.result-meta');
    expect(meta).toMatch(/^(嘉兴日报|平湖日报) · \d{4}年/);
  });
});

describe('filters', () => {
  test('by paper, with counts, and by year range', async () => {
    await openSearch('发展');
    const all = Number(await page.getAttribute('[data-search-results]', 'data-search-total'));
    await page.click('details[data-search-filters] summary');
    await page.waitForFunction(
      () => document.querySelector('[data-facet="publication"] .facet-count')?.textContent !== '',
    );
    const counts = await page.$$eval('[data-facet="publication"] label', (labels) =>
      labels.map((label) => [
        label.querySelector('span')?.textContent,
        label.querySelector('.facet-count')?.textContent,
      ]),
    );
    const phrb = Number(/（(\d+)）/u.exec(counts.find(([name]) => name === '平湖日报')?.[1] ?? '')?.[1]);
    const jxrb = Number(/（(\d+)）/u.exec(counts.find(([name]) => name === '嘉兴日报')?.[1] ?? '')?.[1]);
    expect(phrb + jxrb).toBe(all);

    await page.check('[data-facet="publication"] input[value="平湖日报"]');
    await done(page);
    expect(page.url()).toContain('publication=');
    expect(Number(await page.getAttribute('[data-search-results]', 'data-search-total'))).toBe(phrb);
    for (const meta of await page.$$eval('.result-meta', (metas) => metas.map((m) => m.textContent))) {
      expect(meta).toMatch(/^平湖日报/);
    }

    await page.uncheck('[data-facet="publication"] input[value="平湖日报"]');
    await done(page);
    await page.selectOption('select[name="from"]', '2026');
    await done(page);
    for (const meta of await page.$$eval('.result-meta', (metas) => metas.map((m) => m.textContent))) {
      expect(meta).toContain('2026年');
    }
  });
});

describe('the search page contract', () => {
  test('/search/?q= runs on load; the URL follows each query; back and forward work', async () => {
    await openSearch('大禹鼎');
    expect(await page.inputValue('#search-query')).toBe('大禹鼎');
    await search('陈利众');
    expect(new URL(page.url()).searchParams.get('q')).toBe('陈利众');
    await page.goBack();
    await done(page);
    expect(await page.inputValue('#search-query')).toBe('大禹鼎');
    expect(await page.textContent('a[data-result]')).toBeTruthy();
    await page.goForward();
    await done(page);
    expect(await page.inputValue('#search-query')).toBe('陈利众');
  });

  test('at most 20 results first, more on request', async () => {
    await openSearch('的');
    const total = Number(await page.getAttribute('[data-search-results]', 'data-search-total'));
    expect(total).toBeGreaterThan(20);
    expect(await page.locator('a[data-result]').count()).toBe(20);
    await page.click('button[data-search-more]');
    await done(page);
    expect(await page.locator('a[data-result]').count()).toBe(Math.min(40, total));
  });

  test('an empty query and a nonsense query get a clear answer, no error', async () => {
    await openSearch('');
    expect(await page.getAttribute('[data-search-results]', 'data-search-total')).toBe('0');
    expect(await page.textContent('[data-search-summary]')).toContain('请输入');
    await openSearch('龘靐齉爩');
    expect(await page.getAttribute('[data-search-results]', 'data-search-total')).toBe('0');
    expect(await page.textContent('[data-search-summary]')).toContain('没有找到');
    await openSearch('，。！');
    expect(await page.textContent('[data-search-summary]')).toContain('没有可搜索的文字');
  });

  test('when nothing contains the query, looser word-by-word results are offered and labelled', async () => {
    await openSearch('嘉兴人工智能发展');
    expect(await page.getAttribute('[data-search-results]', 'data-search-total')).toBe('0');
    await page.waitForSelector('[data-search-loose]:not([hidden])');
    expect(await page.textContent('[data-loose-note]')).toContain('结巴分词');
    expect(await page.locator('a[data-loose-result]').count()).toBeGreaterThan(0);
  });

  test('following a result opens the article with the hits marked and in view', async () => {
    await openSearch('兩業融合');
    await page.click('a[data-result]');
    await page.waitForURL(/\/\d+\/$/);
    await page.waitForSelector('mark.search-hit');
    const marks = await page.$$eval('mark.search-hit', (nodes) => nodes.map((node) => node.textContent));
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.every((text) => plain(text ?? '') === '两业融合')).toBe(true);
    const inView = await page.$eval('mark.search-hit', (mark) => {
      const box = mark.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    });
    expect(inView).toBe(true);
  });

  test('works by keyboard alone, on a phone', async () => {
    const phone = await browser.newPage({ viewport: VIEWPORTS.phone });
    await phone.goto(`${server.url}/search/`);
    await done(phone);
    await phone.focus('#search-query');
    await phone.keyboard.type('大禹鼎');
    await phone.keyboard.press('Enter');
    await phone.waitForFunction(() => new URL(location.href).searchParams.get('q') === '大禹鼎');
    await done(phone);
    const shots = path.resolve(import.meta.dirname, '../../test-results/screenshots');
    mkdirSync(shots, { recursive: true });
    await phone.screenshot({ path: path.join(shots, 'phone-6-search.png') });
    expect(await phone.locator('a[data-result]').count()).toBeGreaterThan(0);
    await phone.close();
  });
});
