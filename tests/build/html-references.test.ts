import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { sameSiteTarget, scanReferences } from '../../scripts/lib/html-references';

describe('what the build’s link check reads from a page it wrote', () => {
  const page = `<!DOCTYPE html><html lang="zh-CN"><head>
<link rel="stylesheet" href="/_astro/site.css"><script type="module" src="/_astro/search.js"></script></head>
<body><a class="skip-link" href="#main">跳到正文</a>
<main id="main"><h2 id="defects-heading" class="x">校勘说明</h2>
<p>原文照录 id="raw" 一句</p>
<p data-note="a &quot;quoted&quot; id=&quot;fake&quot;">他写下 id=&quot;text&quot; 与 id=”全角”</p>
<section
 id="page-1"><a href="/jxrb/2026-03-16/1/?from=a&amp;b=1#p2">第1版</a></section>
<form action="/search/"><input name="q"></form><div data-id="not-an-id"></div></main></body></html>`;
  const { urls, ids } = scanReferences(page);

  test('every link, script, stylesheet and form target, with character references decoded', () => {
    expect(urls).toEqual([
      '/_astro/site.css',
      '/_astro/search.js',
      '#main',
      '/jxrb/2026-03-16/1/?from=a&b=1#p2',
      '/search/',
    ]);
  });

  test('the ids of elements only: not words in the text, not inside other attributes', () => {
    expect([...ids]).toEqual(['main', 'defects-heading', 'page-1']);
  });
});

describe('where a link on a page leads, as the link check resolves it', () => {
  const page = new URL('https://example.org/jxrb/2026-03-16/1/2/');
  /** What a URL parser makes of the href: the standard the link check must agree with. */
  const parsed = (href: string) => {
    const target = new URL(href, page);
    return target.origin === page.origin ? { pathname: target.pathname, fragment: target.hash.slice(1) } : undefined;
  };
  /** What resolving gives, or that it failed (an href no URL parser accepts fails the page, as before). */
  const outcome = (resolve: () => unknown) => {
    try {
      return resolve();
    } catch {
      return 'invalid';
    }
  };
  const agrees = (href: string) =>
    expect(outcome(() => sameSiteTarget(href, page))).toEqual(outcome(() => parsed(href)));

  test('the site’s own links: the path without query, and the fragment', () => {
    expect(sameSiteTarget('/jxrb/2026-03-16/1/?from=a&b=1#p2', page)).toEqual({
      pathname: '/jxrb/2026-03-16/1/',
      fragment: 'p2',
    });
    expect(sameSiteTarget('/people/%E9%99%88%E4%BC%9F/', page)).toEqual({
      pathname: '/people/%E9%99%88%E4%BC%9F/',
      fragment: '',
    });
  });

  test('links that are not plain root-relative paths are resolved as a browser would', () => {
    for (const href of ['#main', '../', '/a/../b/', '/a/%2E%2e/b', '/人物/', '/a b/', '/a\\b', 'x?y#z']) agrees(href);
  });

  test('links to other sites lead off the site', () => {
    expect(sameSiteTarget('//cdn.example.com/x.js', page)).toBeUndefined();
    expect(sameSiteTarget('https://www.cnki.net/', page)).toBeUndefined();
  });

  test('any href resolves as a URL parser resolves it', () => {
    const piece = fc.constantFrom(
      '/',
      '.',
      '..',
      '%2e',
      '%2E',
      '?',
      '#',
      '%',
      'a',
      'Z9',
      '-_~',
      '&=',
      '%E4%B8%AD',
      '中',
      ' ',
      '\\',
      '//',
      ':',
      '@',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (pieces) => {
        const href = pieces.join('');
        agrees(href);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (pieces) => {
        const href = `/${pieces.join('')}`;
        agrees(href);
      }),
      { numRuns: 2000 },
    );
  });
});
