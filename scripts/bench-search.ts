/**
 * npm run bench:search [-- --articles 1000 --queries 100 --cold 12 --seed 1 --skip-stock]
 *
 * Builds a generated corpus of N articles (gen:corpus) with the archive's search and with
 * stock Pagefind (one HTML page per article, lang="zh-CN", as Pagefind is usually used),
 * then runs both in headless Chromium, one after the other (the other's page closed), on
 * one set of queries — random dictionary words, random 1–8 character substrings, two-word
 * queries, whole headlines — and prints, side by side: recall, precision, the mean
 * reciprocal rank of the article whose headline was searched (the generated corpus prints
 * some headlines more than once: any article under that headline counts), warm latency
 * (p50/p95), bytes fetched by a query from a cold browser (gzip, as a static host serves
 * it), and the index's size on disk against the article text.
 * --skip-stock leaves stock Pagefind out (its column prints –), for quicker runs while tuning.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import * as pagefind from 'pagefind';
import type { Article } from '../src/lib/article';
import { searchableFields } from '../src/lib/search/record';
import { POSTINGS_DIR } from '../src/lib/search/postings';
import { paths } from '../src/lib/site/urls';
import { buildArchive } from './lib/build-archive';
import { DevtoolsBrowser, type DevtoolsPage } from './lib/devtools-pipe';
import { ROOT } from './lib/paths';
import { seededRandom } from './lib/seeded-random';
import { segment } from './lib/segment';
import { serveStatic, type StaticServer } from './lib/static-server';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    queries: { type: 'string', default: '100' },
    cold: { type: 'string', default: '12' },
    seed: { type: 'string', default: '1' },
    'skip-stock': { type: 'boolean', default: false },
  },
});
const ARTICLES = Number(values.articles);
const PER_SET = Number(values.queries);
const COLD = Number(values.cold);
const STOCK = !values['skip-stock'];
const corpusDir = path.join(ROOT, 'corpus', String(ARTICLES));
const seedsDir = path.join(corpusDir, 'seeds');
const distDir = path.join(corpusDir, 'dist');
const stockDir = path.join(corpusDir, 'stock');

const next = seededRandom(Number(values.seed));
const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;

const plain = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
}

async function directoryBytes(dir: string, filter: (file: string) => boolean = () => true): Promise<number> {
  if (!existsSync(dir)) return 0;
  let total = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name);
    if (entry.isFile() && filter(file)) total += (await stat(file)).size;
  }
  return total;
}

// 1. The corpus and the archive's build.
if (!existsSync(seedsDir)) {
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/gen-corpus.ts', '--articles', String(ARTICLES)], {
    cwd: ROOT,
    stdio: 'inherit',
  });
}
console.error(`Building the archive of ${ARTICLES} articles…`);
await buildArchive({ seedsDir, outDir: distDir, cacheDir: path.join(corpusDir, 'cache') });
const articles = JSON.parse(await readFile(path.join(distDir, 'api/articles.json'), 'utf8')) as Article[];
const fieldsOf = (article: Article) => {
  const { decks, paragraphs } = searchableFields(article);
  return [...decks, ...paragraphs];
};
const plainFields = articles.map((article) => fieldsOf(article).map(plain));
const urls = articles.map((article) => paths.article(article));
const textBytes = articles.reduce((sum, article) => sum + Buffer.byteLength(fieldsOf(article).join('')), 0);

// 2. Stock Pagefind over the same articles.
const stockStamp = path.join(stockDir, 'built.json');
const stamp = JSON.stringify({ articles: articles.length, first: urls[0], last: urls.at(-1) });
if (STOCK && (await readFile(stockStamp, 'utf8').catch(() => '')) !== stamp) {
  console.error('Building stock Pagefind…');
  await rm(stockDir, { recursive: true, force: true });
  await mkdir(stockDir, { recursive: true });
  const { index } = await pagefind.createIndex({});
  if (!index) throw new Error('Pagefind did not start');
  for (const [number, article] of articles.entries()) {
    const { decks, paragraphs } = searchableFields(article);
    const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(article.headline)}</title></head><body><main data-pagefind-body><h1>${escapeHtml(decks.join(' '))}</h1>${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}</main></body></html>`;
    const response = await index.addHTMLFile({ url: urls[number]!, content: html });
    if (response.errors.length > 0) throw new Error(response.errors.join('; '));
  }
  await index.writeFiles({ outputPath: path.join(stockDir, 'pagefind') });
  await pagefind.close();
  await writeFile(stockStamp, stamp);
}
// The page is written every run: it is part of the benchmark, not of the index.
if (STOCK) {
  await writeFile(
    path.join(stockDir, 'search.html'),
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>stock</title></head><body>
<script type="module">
const pagefind = await import('/pagefind/pagefind.js');
window.stock = {
  async search(query) {
    await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 500 }));
    const start = performance.now();
    const response = await pagefind.search(query);
    const results = response?.results ?? [];
    const answerMs = performance.now() - start;
    await Promise.all(results.slice(0, 20).map((result) => result.data()));
    return { ms: performance.now() - start, answerMs, ids: results.map((result) => result.id) };
  },
};
const query = new URLSearchParams(location.search).get('q');
if (query) window.stock.search(query).then(() => { document.body.dataset.done = '1'; });
else document.body.dataset.done = '1';
</script></body></html>`,
  );
}

// 3. Who is who: result ids to article URLs, from the files on disk.
const ourUrls = new Map<string, string>();
for (const name of await readdir(path.join(distDir, 'search/text'))) {
  const display = JSON.parse(await readFile(path.join(distDir, 'search/text', name), 'utf8')) as { url: string };
  ourUrls.set(name.replace(/\.json$/u, ''), display.url);
}
const stockUrls = new Map<string, string>();
for (const name of STOCK ? await readdir(path.join(stockDir, 'pagefind/fragment')) : []) {
  const text = gunzipSync(await readFile(path.join(stockDir, 'pagefind/fragment', name))).toString('utf8');
  stockUrls.set(
    name.replace(/\.pf_fragment$/u, ''),
    (JSON.parse(text.replace(/^pagefind_dcd/u, '')) as { url: string }).url,
  );
}

// 4. The queries, and what each must find.
function expected(query: string): Set<string> {
  const terms = query.split(/\s+/u).map(plain).filter(Boolean);
  const found = new Set<string>();
  plainFields.forEach((fields, index) => {
    if (terms.every((term) => fields.some((field) => field.includes(term)))) found.add(urls[index]!);
  });
  return found;
}

function randomWord(article: Article): string | undefined {
  const paragraph = pick(article.paragraphs).text;
  const words = segment(paragraph).filter((word) => [...word].length >= 2 && /\p{Script=Han}/u.test(word));
  return words.length > 0 ? pick(words) : undefined;
}

/** For a headline query: the articles printed under that very headline (the corpus repeats some). */
const sets: Record<string, Array<{ query: string; targets?: Set<string> }>> = {
  words: [],
  substrings: [],
  twoTerms: [],
  headlines: [],
};
while (sets.words!.length < PER_SET) {
  const word = randomWord(pick(articles));
  if (word) sets.words!.push({ query: word });
}
while (sets.substrings!.length < PER_SET) {
  const field = pick(fieldsOf(pick(articles)));
  const chars = [...field];
  const length = 1 + Math.floor(next() * 8);
  if (chars.length < length) continue;
  const start = Math.floor(next() * (chars.length - length + 1));
  const query = chars.slice(start, start + length).join('');
  if (plain(query)) sets.substrings!.push({ query });
}
while (sets.twoTerms!.length < PER_SET) {
  const article = pick(articles);
  const [a, b] = [randomWord(article), randomWord(article)];
  if (a && b && a !== b) sets.twoTerms!.push({ query: `${a} ${b}` });
}
while (sets.headlines!.length < PER_SET) {
  const index = Math.floor(next() * articles.length);
  const headline = articles[index]!.headline;
  const targets = new Set(urls.filter((_, other) => articles[other]!.headline === headline));
  sets.headlines!.push({ query: headline, targets });
}

// 5. Running them.
const server = await serveStatic(distDir);
const stockServer = STOCK ? await serveStatic(stockDir) : undefined;
// Through the DevTools pipe, not Playwright: Playwright follows every request, which a reader's browser does not do.
const browser = await DevtoolsBrowser.launch();

interface Run {
  /** Until the first 20 results are on screen. */
  ms: number;
  /** Until the answer is known: how many articles match, and in which order. */
  answerMs: number;
  urls: string[];
}

/**
 * Runs in the search page: once the page is idle (a reader does not ask again the moment the
 * last results appear), submits the query, and times the answer (the page marks it) and the
 * first screen.
 */
async function timeQuery(query: string): Promise<{ ms: number; answerMs: number }> {
  await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 500 }));
  const list = document.querySelector('[data-search-results]')!;
  const input = document.querySelector<HTMLInputElement>('#search-query')!;
  list.setAttribute('data-search-status', 'pending');
  const start = performance.now();
  const done = new Promise<void>((resolve) => {
    const observer = new MutationObserver(() => {
      if (list.getAttribute('data-search-status') === 'done') {
        observer.disconnect();
        resolve();
      }
    });
    observer.observe(list, { attributes: true });
  });
  input.value = query;
  document.querySelector<HTMLFormElement>('form[data-search-form]')!.requestSubmit();
  await done;
  const ms = performance.now() - start;
  const answer = performance.getEntriesByName('search:answer').find((mark) => mark.startTime >= start);
  performance.clearMarks();
  return { ms, answerMs: answer ? answer.startTime - start : ms };
}

/** Runs in the search page: two files of the index fetched at once, `times` times, each time from idle. */
async function fetchFloor(files: string[], times: number): Promise<number[]> {
  const took: number[] = [];
  for (let index = 0; index < times; index++) {
    await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 500 }));
    const start = performance.now();
    await Promise.all(
      [files[(2 * index) % files.length]!, files[(2 * index + 1) % files.length]!].map((file) =>
        fetch(file).then((response) => response.arrayBuffer()),
      ),
    );
    took.push(performance.now() - start);
  }
  return took;
}

const call = (fn: (...args: never[]) => unknown, ...args: unknown[]) =>
  `(${fn.toString()})(${args.map((arg) => JSON.stringify(arg)).join(', ')})`;

async function ours(page: DevtoolsPage, query: string): Promise<Run> {
  const { ms, answerMs } = await page.evaluate<{ ms: number; answerMs: number }>(call(timeQuery, query));
  const keys = await page.evaluate<string[]>(`window.archiveSearch.keys(${JSON.stringify(query)})`);
  return { ms, answerMs, urls: keys.map((key) => ourUrls.get(key) ?? `?${key}`) };
}

async function stock(page: DevtoolsPage, query: string): Promise<Run> {
  const result = await page.evaluate<{ ms: number; answerMs: number; ids: string[] }>(
    `window.stock.search(${JSON.stringify(query)})`,
  );
  return { ms: result.ms, answerMs: result.answerMs, urls: result.ids.map((id) => stockUrls.get(id) ?? `?${id}`) };
}

/**
 * Bytes a query fetches from a cold browser: what the server sent (gzip where a static host
 * compresses) for the search code and data — Pagefind fetches from a Web Worker, which the
 * page's own network log does not see — not the page shell.
 */
async function coldBytes(
  site: StaticServer,
  url: string,
  isSearchRequest: (pathname: string) => boolean,
  ready: string,
): Promise<number> {
  const first = site.sent.length;
  const page = await browser.open(url);
  await page.waitFor(ready);
  await new Promise((resolve) => setTimeout(resolve, 200));
  await page.close();
  return site.sent
    .slice(first)
    .filter((response) => isSearchRequest(response.path))
    .reduce((sum, response) => sum + response.bytes, 0);
}

const OURS_DONE = `document.querySelector('[data-search-status="done"]')`;
const STOCK_DONE = `document.querySelector('body[data-done]')`;

interface Totals {
  found: number;
  returned: number;
  expected: number;
  exact: number;
  reciprocal: number;
  latencies: number[];
  answers: number[];
}
const blank = (): Totals => ({
  found: 0,
  returned: 0,
  expected: 0,
  exact: 0,
  reciprocal: 0,
  latencies: [],
  answers: [],
});
const results: Record<string, { ours: Totals; stock: Totals; queries: number }> = Object.fromEntries(
  Object.entries(sets).map(([name, queries]) => [name, { ours: blank(), stock: blank(), queries: queries.length }]),
);

/**
 * Runs every query on one engine's page, the other engine's page closed: a page left open
 * goes on working between queries (stock Pagefind's went on loading its chunks, a core busy)
 * and would slow the engine measured.
 */
async function measure(engine: 'ours' | 'stock', page: DevtoolsPage): Promise<void> {
  const run = engine === 'ours' ? ours : stock;
  for (const [name, queries] of Object.entries(sets)) {
    const total = results[name]![engine];
    for (const { query, targets } of queries) {
      const truth = expected(query);
      const { ms, answerMs, urls } = await run(page, query);
      const returned = new Set(urls);
      const found = [...returned].filter((url) => truth.has(url)).length;
      total.found += found;
      total.returned += returned.size;
      total.expected += truth.size;
      if (found === truth.size && found === returned.size) total.exact++;
      total.latencies.push(ms);
      total.answers.push(answerMs);
      if (targets) {
        const rank = urls.findIndex((url) => targets.has(url));
        total.reciprocal += rank >= 0 ? 1 / (rank + 1) : 0;
      }
    }
  }
}

const ourPage = await browser.open(`${server.url}/search/?q=${encodeURIComponent('测试')}`);
await ourPage.waitFor(OURS_DONE);
await measure('ours', ourPage);

// What two small fetches cost on this machine, nothing else going on: the floor under any warm query.
const segmentFiles = (await readdir(path.join(distDir, POSTINGS_DIR), { recursive: true }))
  .filter((file) => file.endsWith('.bin'))
  .map((file) => `/${POSTINGS_DIR}/${file}`);
const floorFiles = Array.from({ length: 200 }, () => pick(segmentFiles));
const floor = await ourPage.evaluate<number[]>(call(fetchFloor, floorFiles, 100));
await ourPage.close();

if (stockServer) {
  const stockPage = await browser.open(`${stockServer.url}/search.html`);
  await stockPage.waitFor(STOCK_DONE);
  await stock(stockPage, '测试');
  await measure('stock', stockPage);
  await stockPage.close();
}

const coldQueries = Object.values(sets).flatMap((set) => set.slice(0, Math.ceil(COLD / 4)).map((entry) => entry.query));
const cold = { ours: [] as number[], stock: [] as number[] };
for (const query of coldQueries) {
  cold.ours.push(
    await coldBytes(
      server,
      `${server.url}/search/?q=${encodeURIComponent(query)}`,
      (pathname) =>
        (pathname.startsWith('/search/') && pathname !== '/search/') || /^\/_astro\/.*\.js$/u.test(pathname),
      OURS_DONE,
    ),
  );
  if (!stockServer) continue;
  cold.stock.push(
    await coldBytes(
      stockServer,
      `${stockServer.url}/search.html?q=${encodeURIComponent(query)}`,
      (pathname) => pathname.startsWith('/pagefind/'),
      STOCK_DONE,
    ),
  );
}

await browser.close();
await server.close();
await stockServer?.close();

// 6. The report.
const ourIndexBytes = await directoryBytes(path.join(distDir, 'search'), (file) => !file.endsWith('index.html'));
const stockIndexBytes = STOCK ? await directoryBytes(path.join(stockDir, 'pagefind')) : 0;
const fixed = (value: number, digits = 3) => (Number.isFinite(value) ? value.toFixed(digits) : '–');
const kb = (bytes: number) => (Number.isFinite(bytes) ? `${(bytes / 1024).toFixed(0)} KB` : '–');
/** A stock Pagefind cell, or – when the run left stock Pagefind out. */
const stockCell = (cell: () => string) => (STOCK ? cell() : '–');
const indexSize = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB (${(bytes / textBytes).toFixed(2)}×)`;
const rows: string[] = [
  `Search benchmark — ${articles.length} articles (${(textBytes / 1e6).toFixed(1)} MB of text), ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}`,
  '',
  '| measure | archive search | stock Pagefind |',
  '| --- | --- | --- |',
];
for (const [name, { ours: a, stock: b, queries }] of Object.entries(results)) {
  rows.push(`| ${name} (${queries}): recall | ${fixed(a.found / a.expected)} | ${fixed(b.found / b.expected)} |`);
  rows.push(`| ${name}: precision | ${fixed(a.found / a.returned)} | ${fixed(b.found / b.returned)} |`);
  rows.push(
    `| ${name}: queries answered exactly | ${a.exact}/${queries} | ${stockCell(() => `${b.exact}/${queries}`)} |`,
  );
  if (name === 'headlines')
    rows.push(
      `| headlines: MRR of an article with that headline | ${fixed(a.reciprocal / queries)} | ${stockCell(() => fixed(b.reciprocal / queries))} |`,
    );
}
const sorted = (values: readonly number[]) => [...values].sort((x, y) => x - y);
const spread = (values: readonly number[]) =>
  `${fixed(percentile(sorted(values), 0.5), 0)} / ${fixed(percentile(sorted(values), 0.95), 0)} ms`;
const warm = (engine: 'ours' | 'stock', measure: 'answers' | 'latencies') =>
  Object.values(results).flatMap((set) => set[engine][measure]);
rows.push(
  `| warm: answer known (how many, in which order), p50 / p95 | ${spread(warm('ours', 'answers'))} | ${stockCell(() => spread(warm('stock', 'answers')))} |`,
);
rows.push(
  `| warm: first 20 results shown, p50 / p95 | ${spread(warm('ours', 'latencies'))} | ${stockCell(() => spread(warm('stock', 'latencies')))} |`,
);
rows.push(
  `| cold query bytes, median / max (${coldQueries.length} queries) | ${kb(percentile(sorted(cold.ours), 0.5))} / ${kb(Math.max(...cold.ours))} | ${kb(percentile(sorted(cold.stock), 0.5))} / ${kb(Math.max(...cold.stock))} |`,
);
rows.push(
  `| index on disk (× article text) | ${indexSize(ourIndexBytes)} | ${stockCell(() => indexSize(stockIndexBytes))} |`,
);
rows.push(
  `| warm: two files of the index fetched at once from idle, nothing else (the floor), p50 / p95 | ${spread(floor)} | – |`,
);
rows.push('', '| queries | answer known, p50 / p95 | first 20 shown, p50 / p95 |', '| --- | --- | --- |');
for (const [name, { ours: set }] of Object.entries(results)) {
  rows.push(`| ${name} | ${spread(set.answers)} | ${spread(set.latencies)} |`);
}
// The target is for any first query: name the costliest, so a reader can see what it was.
const costliest = cold.ours.indexOf(Math.max(...cold.ours));
const overBudget = cold.ours.filter((bytes) => bytes > 500 * 1024).length;
rows.push(
  '',
  `Costliest cold query of the archive search: ${kb(cold.ours[costliest]!)} for “${coldQueries[costliest]}”; ${overBudget} of ${coldQueries.length} over 500 KB.`,
);
console.log(rows.join('\n'));
