/**
 * Checks across pages, after each was read on its own: two files claiming one printed page,
 * and pages whose articles moved since the last build. Permalinks are positional (paper,
 * date, page, place on the page), so either would silently change what a link leads to.
 */
import type { ArchiveIndex, ArticleSummary } from '../../src/lib/archive-index';
import { formatPage } from '../../src/lib/site/dates';
import { paths } from '../../src/lib/site/urls';
import type { Manifest } from '../../src/lib/manifest';
import { MANIFEST_FILE, type PageOutcome } from './ingest';

const pageOf = (page: PageOutcome) =>
  page.meta ? `${page.meta.publication} ${page.meta.date} ${formatPage(page.meta.page)}` : page.file;

/**
 * Of several files that claim the same paper, date and page, the first by name builds; the
 * others are skipped with an error saying which file holds that page already.
 */
export function skipDuplicatePages(pages: PageOutcome[], manifest: Manifest): void {
  const holders = new Map<string, PageOutcome>();
  for (const page of [...pages].sort((a, b) => (a.file < b.file ? -1 : 1))) {
    if (!page.ok || !page.meta) continue;
    const claim = `${page.meta.publicationId}\u0000${page.meta.date}\u0000${page.meta.page.key}`;
    const holder = holders.get(claim);
    if (!holder) {
      holders.set(claim, page);
      continue;
    }
    const entry = manifest.entries.get(page.file);
    const where = entry ? `its entry in ${MANIFEST_FILE} (line ${entry.line})` : `a ${MANIFEST_FILE} entry for it`;
    page.ok = false;
    page.summaries = [];
    page.messages = [
      ...page.messages,
      {
        level: 'error',
        file: page.file,
        line: 1,
        text: `skipped: ${pageOf(page)} is already ${holder.file}; one printed page cannot be two files — correct the page in ${where}, or remove the copy`,
      },
    ];
  }
}

/**
 * A page that gives a different number of articles than in the last build: its later
 * permalinks now lead to other articles, or nowhere. Warns with the links concerned.
 */
export function reportMovedArticles(previous: ArchiveIndex | undefined, pages: PageOutcome[]): PageOutcome['messages'] {
  if (!previous) return [];
  const before = new Map<string, ArticleSummary[]>();
  for (const summary of previous.articles) {
    const list = before.get(summary.file) ?? [];
    list.push(summary);
    before.set(summary.file, list);
  }
  const gone: PageOutcome['messages'] = [];
  const present = new Set(pages.map((page) => page.file));
  for (const [file, summaries] of before) {
    if (present.has(file)) continue;
    gone.push({
      level: 'warning',
      file,
      line: 1,
      text: `was in the last build with ${summaries.length} articles and is gone: their permalinks (${linkList(summaries)}) now lead nowhere`,
    });
  }
  for (const page of pages) {
    const old = before.get(page.file);
    if (!old || old.length === page.summaries.length) continue;
    const changed = old.filter((summary) => {
      const now = page.summaries.find((candidate) => candidate.id === summary.id);
      return !now || now.headline !== summary.headline;
    });
    page.messages = [
      ...page.messages,
      {
        level: 'warning',
        file: page.file,
        line: 1,
        text: `gives ${page.summaries.length} articles where the last build gave ${old.length}: permalinks that now lead to another article or nowhere: ${changed.length > 0 ? linkList(changed) : 'none (articles were added at the end)'}; if the new reading is right, tell readers where these moved`,
      },
    ];
  }
  return gone;
}

function linkList(summaries: readonly ArticleSummary[]): string {
  const shown = summaries.slice(0, 5).map((summary) => `${paths.article(summary)} “${summary.headline}”`);
  return summaries.length > 5 ? `${shown.join(', ')} and ${summaries.length - 5} more` : shown.join(', ');
}
