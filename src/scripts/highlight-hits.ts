/**
 * On an article reached from a search, marks every hit in the headline and body and
 * scrolls the first into view. The strings come from the search page (session storage),
 * a ?hl= parameter, or the search page's address in the referrer.
 */
import { hitRanges } from '../lib/search/excerpt';
import { analyseQuery } from '../lib/search/query';
import { HITS_KEY, type HitsHandoff } from './search/hits-handoff';

function queryNeedles(query: string | null): string[] {
  return query ? analyseQuery(query).terms.map((term) => term.text) : [];
}

function needles(): string[] {
  try {
    const stored = sessionStorage.getItem(HITS_KEY);
    if (stored) {
      sessionStorage.removeItem(HITS_KEY);
      const handoff = JSON.parse(stored) as HitsHandoff;
      if (handoff.path === location.pathname && Array.isArray(handoff.needles)) return handoff.needles;
    }
  } catch {
    // Storage unavailable or corrupt: fall back to the address.
  }
  const fromParameter = queryNeedles(new URLSearchParams(location.search).get('hl'));
  if (fromParameter.length > 0) return fromParameter;
  try {
    const referrer = new URL(document.referrer);
    if (referrer.origin === location.origin && /\/search\/$/u.test(referrer.pathname)) {
      return queryNeedles(referrer.searchParams.get('q'));
    }
  } catch {
    // No referrer.
  }
  return [];
}

/** Wraps the hits of one text node in <mark>, leaving the text itself untouched. */
function markNode(node: Text, wanted: readonly string[]): HTMLElement[] {
  const ranges = hitRanges(node.data, wanted);
  if (ranges.length === 0) return [];
  const marks: HTMLElement[] = [];
  const fragment = document.createDocumentFragment();
  let cursor = 0;
  for (const [start, end] of ranges) {
    if (start > cursor) fragment.append(node.data.slice(cursor, start));
    const mark = document.createElement('mark');
    mark.className = 'search-hit';
    mark.textContent = node.data.slice(start, end);
    fragment.append(mark);
    marks.push(mark);
    cursor = end;
  }
  if (cursor < node.data.length) fragment.append(node.data.slice(cursor));
  node.replaceWith(fragment);
  return marks;
}

const article = document.querySelector<HTMLElement>('article[data-article-id]');
const wanted = needles();
if (article && wanted.length > 0) {
  const parts = article.querySelectorAll<HTMLElement>('.kicker, h1, .subheadline, .article-body');
  const texts: Text[] = [];
  for (const part of parts) {
    const walker = document.createTreeWalker(part, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
  }
  const marks = texts.flatMap((node) => markNode(node, wanted));
  const status = document.querySelector<HTMLElement>('[data-hit-status]');
  if (status) status.textContent = marks.length > 0 ? `已在文中标出 ${marks.length} 处搜索词。` : '';
  marks[0]?.scrollIntoView({ block: 'center' });
}
