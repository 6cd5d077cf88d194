import { describe, expect, test } from 'vitest';
import { scanReferences } from '../../scripts/lib/html-references';

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
