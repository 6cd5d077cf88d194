/**
 * Page text that looks like markup, templates, markdown or tricks with invisible
 * characters goes through the whole build (tests/fixtures/hostile/): everywhere it appears
 * — article pages, listings, the API, RSS, the sitemap, the search — it is shown as the
 * text it is, and no element or attribute comes from it.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Element, Root } from 'hast';
import { selectAll } from 'hast-util-select';
import { visit } from 'unist-util-visit';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Article } from '../../src/lib/article';
import { paths } from '../../src/lib/site/urls';
import { launchBrowser, VIEWPORTS } from '../../scripts/lib/browser';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server';
import { htmlFiles } from '../../scripts/lib/verify-site';
import { buildFolders, ROOT, runBuild } from '../helpers/build';
import { builtPage, DIST, parseHtml } from '../helpers/dist';
import { watchPage } from '../helpers/page-watch';

const FIXTURES = path.join(ROOT, 'tests/fixtures/hostile');

let out: string;
let articles: Article[];
const byHeadline = (start: string) => articles.find((article) => article.headline.startsWith(start))!;

beforeAll(async () => {
  const folders = await buildFolders('hostile-');
  out = folders.out;
  await runBuild({ seeds: FIXTURES, ...folders });
  articles = JSON.parse(await readFile(path.join(out, 'api/articles.json'), 'utf8')) as Article[];
});

/** Every element name and attribute name used in a set of pages. */
async function vocabulary(dist: string): Promise<{ elements: Set<string>; attributes: Set<string> }> {
  const elements = new Set<string>();
  const attributes = new Set<string>();
  for (const file of await htmlFiles(dist)) {
    visit(parseHtml(await readFile(path.join(dist, file), 'utf8')), 'element', (element: Element) => {
      elements.add(element.tagName);
      for (const name of Object.keys(element.properties)) attributes.add(name);
    });
  }
  return { elements, attributes };
}

/** Every attribute value of a tree, as [element, attribute, value]. */
function attributeValues(tree: Root): Array<[string, string, string]> {
  const values: Array<[string, string, string]> = [];
  visit(tree, 'element', (element: Element) => {
    for (const [name, value] of Object.entries(element.properties)) {
      values.push([element.tagName, name, Array.isArray(value) ? value.join(' ') : String(value)]);
    }
  });
  return values;
}

/** An element's text exactly as in the file: every character, invisible ones included. */
function rawText(element: Element | undefined): string {
  let text = '';
  if (element) visit(element, 'text', (node: { value: string }) => void (text += node.value));
  return text;
}

/** Attributes whose value is a URL the browser follows or loads. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formAction', 'srcSet', 'poster', 'data', 'cite', 'ping']);

/** Characters XML 1.0 allows. */
const XML_CHARS = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

describe('hostile page text, through the whole build', () => {
  test('is read as articles like any other text', () => {
    expect(articles.map((article) => article.headline)).toEqual([
      '<script>alert("标题")</script>市民热议“数字档案”上线',
      '<svg onload=alert(3)>老报纸</svg>',
      '"><img src=x onerror=alert(2)>的后续报道',
      '\u202e反向的标题\u202c与𠮷字',
    ]);
  });

  test('adds no element and no attribute to any page that the real pages do not have', async () => {
    const site = await vocabulary(DIST);
    const hostile = await vocabulary(out);
    expect([...hostile.elements].filter((name) => !site.elements.has(name))).toEqual([]);
    expect([...hostile.attributes].filter((name) => !site.attributes.has(name))).toEqual([]);
    for (const file of await htmlFiles(out)) {
      const tree = parseHtml(await readFile(path.join(out, file), 'utf8'));
      for (const [element, name, value] of attributeValues(tree)) {
        expect(name, `${file}: <${element} ${name}>`).not.toMatch(/^on/iu);
        if (URL_ATTRIBUTES.has(name) || name === 'httpEquiv') {
          expect(value, `${file}: <${element} ${name}>`).not.toMatch(/javascript:|evil\.example|refresh/iu);
        }
      }
      for (const script of selectAll('script', tree)) {
        const { src, type } = script.properties;
        expect(String(src ?? ''), file).toMatch(type === 'application/ld+json' ? /^$/u : /^\/_astro\/[^/]+\.js$/u);
      }
    }
  });

  test('shows the headline and body on the article page exactly as printed', () => {
    const article = byHeadline('<script>');
    const page = builtPage(paths.article(article), out);
    expect(page.all('article[data-article-id]')).toHaveLength(1);
    expect(page.all('h1')).toHaveLength(1);
    expect(rawText(page.one('h1'))).toBe('<script>alert("标题")</script>市民热议“数字档案”上线');
    const body = page.all('article p').map(rawText);
    expect(body).toContainEqual(expect.stringContaining('</article><h1 data-hostile="1">注入的标题</h1>'));
    expect(body).toContainEqual(
      expect.stringContaining("{{ constructor.constructor('alert(1)')() }} 与 ${process.exit(1)}"),
    );
    expect(body).toContainEqual(expect.stringContaining('[点我看看](javascript:alert(1)) 和 <!-- 这是一段注释 -->'));
    expect(body).toContainEqual(
      expect.stringContaining(
        '零宽字符\u200b在此\u200d,反向字符\u202e倒过来的字\u202c,控制字符␇响铃。表情😀与生僻字𠮷都在',
      ),
    );
    expect(rawText(page.one('title'))).toContain('<script>alert("标题")</script>市民热议');
    const reversed = builtPage(paths.article(byHeadline('\u202e')), out);
    expect(rawText(reversed.one('h1'))).toBe('\u202e反向的标题\u202c与𠮷字');
    // The page title goes on after the headline: the headline's override must end with it.
    expect(rawText(reversed.one('title'))).toMatch(/^\u2068\u202e反向的标题\u202c与𠮷字\u2069 - /u);
  });

  test('keeps JSON-LD data that parses back to the headline', () => {
    for (const article of articles) {
      const page = builtPage(paths.article(article), out);
      const scripts = page.all('script[type="application/ld+json"]');
      expect(scripts).toHaveLength(1);
      expect(JSON.parse(rawText(scripts[0])).headline).toBe(article.headline);
    }
  });

  test('lists the headlines literally on the issue page', () => {
    const issue = builtPage(paths.issue({ publicationId: 'jxrb', date: '2026-04-01' }), out);
    expect(issue.all('.article-list h3').map((heading) => rawText(heading).trim())).toEqual(
      articles.map((article) => article.headline),
    );
  });

  test('gives RSS and sitemap files that are well-formed XML with the text in it', async () => {
    for (const name of (await readdir(out)).filter((file) => file.endsWith('.xml'))) {
      const xml = await readFile(path.join(out, name), 'utf8');
      expect(XMLValidator.validate(xml), name).toBe(true);
      expect(XML_CHARS.test(xml), name).toBe(true);
    }
    const rss = new XMLParser({ processEntities: true, htmlEntities: false }).parse(
      await readFile(path.join(out, 'rss.xml'), 'utf8'),
    ) as { rss: { channel: { item: Array<{ title: string }> } } };
    const titles = rss.rss.channel.item.map((item) => String(item.title));
    for (const article of articles) expect(titles).toContain(article.headline);
  });

  test('keeps the text literally in the open data', async () => {
    const issue = JSON.parse(await readFile(path.join(out, 'api/jxrb/2026-04-01.json'), 'utf8')) as unknown;
    expect(JSON.stringify(issue)).toContain(JSON.stringify('</script><script>alert(5)</script>').slice(1, -1));
    expect(byHeadline('"><img').paragraphs[0]?.text).toContain('</script><script>alert(5)</script>');
    expect(byHeadline('<svg').paragraphs[0]).toMatchObject({
      type: 'caption',
      text: '"><img src=x onerror=alert(2)>市民在图书馆查阅老报纸。',
    });
  });
});

describe('hostile text in the browser, under the site’s Content-Security-Policy', () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    server = await serveStatic(out);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the site is served with the policy of its _headers file', async () => {
    const response = await fetch(`${server.url}/`);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self';");
  });

  test('search excerpts and highlights show the text literally, and nothing in it runs', async () => {
    const page = await browser.newPage({ viewport: VIEWPORTS.phone });
    const problems = watchPage(page);
    await page.goto(`${server.url}/search/?q=${encodeURIComponent('onerror')}`);
    const results = page.locator('[data-search-results]');
    await page.waitForSelector('[data-search-status="done"]', { state: 'attached' });
    expect(await results.getAttribute('data-search-total')).toBe('2');
    expect(await results.locator('img, svg, iframe, style, script, [data-hostile]').count()).toBe(0);
    expect(await results.textContent()).toContain('"><img src=x onerror=alert(2)>');
    for (const mark of await results.locator('mark').allTextContents()) expect(mark.toLowerCase()).toBe('onerror');

    await results.locator('a[data-result]').first().click();
    await page.waitForSelector('article mark');
    const article = page.locator('article[data-article-id]');
    expect(await article.locator('img, svg, iframe, style, script, [data-hostile]').count()).toBe(0);
    for (const mark of await article.locator('mark').allTextContents()) expect(mark.toLowerCase()).toBe('onerror');
    expect(problems).toEqual([]);
  });

  test('a search for the astral character 𠮷 finds both articles holding it', async () => {
    const page = await browser.newPage();
    const problems = watchPage(page);
    await page.goto(`${server.url}/search/?q=${encodeURIComponent('𠮷')}`);
    await page.waitForSelector('[data-search-status="done"]', { state: 'attached' });
    expect(await page.getAttribute('[data-search-results]', 'data-search-total')).toBe('2');
    expect(problems).toEqual([]);
  });
});
