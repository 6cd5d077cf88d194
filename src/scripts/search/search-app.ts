/**
 * The search page: reads the query from the URL, runs it, and shows the results.
 *
 * Contract other code and tests rely on: /search/?q=<query> runs the query on load and the
 * URL follows every new search (back and forward work); the results list carries
 * data-search-status (loading → done) and data-search-total (how many articles match);
 * each result links with <a data-result href="<article url>">; 20 results show at first,
 * more on request. Everything from the archive reaches the page as text nodes.
 */
import { MatchEngine, MatchResult, type ArticleMatch, type SearchFilters } from '../../lib/search/engine';
import { excerpt, hitRanges, markHits, type Segment } from '../../lib/search/excerpt';
import { looseQuery } from '../../lib/search/loose';
import { charSetTest } from '../../lib/search/char-set';
import { analyseQuery, type AnalysedQuery, type ConversionContext } from '../../lib/search/query';
import { Ranking, rankByDate, rankByRelevance } from '../../lib/search/rank';
import { displayPath, type SearchDisplay } from '../../lib/search/record';
import { jiebaWord } from '../../lib/search/tokens';
import { HITS_KEY, type HitsHandoff } from './hits-handoff';
import type { SearchIndexInfo } from '../../lib/search/index-info';
import { PostingsBackend } from './postings-backend';

const PAGE_SIZE = 20;
/** An answer slower than this shows “searching” in place of the previous results; a faster one replaces them at once. */
const SLOW_ANSWER_MS = 300;

export interface SearchState {
  q: string;
  sort: 'relevance' | 'date';
  publication: string[];
  section: string[];
  from: string;
  to: string;
}

export function readState(search: string): SearchState {
  const params = new URLSearchParams(search);
  return {
    q: params.get('q') ?? '',
    sort: params.get('sort') === 'date' ? 'date' : 'relevance',
    publication: params.getAll('publication'),
    section: params.getAll('section'),
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
}

export function stateToSearch(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  if (state.sort === 'date') params.set('sort', 'date');
  for (const value of state.publication) params.append('publication', value);
  for (const value of state.section) params.append('section', value);
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  const text = params.toString();
  return text ? `?${text}` : '';
}

interface ShardTable {
  records: Record<string, { dates: string[] }>;
}

/** What the page fetches from the build's search folder, once each. */
class SearchData {
  private cache = new Map<string, Promise<unknown>>();

  constructor(readonly base: string) {}

  json<T>(path: string): Promise<T> {
    let promise = this.cache.get(path);
    if (!promise) {
      promise = fetch(`${this.base}${path}`).then((response) => {
        if (!response.ok) throw new Error(`${path}: ${response.status}`);
        return response.json();
      });
      promise.catch(() => this.cache.delete(path));
      this.cache.set(path, promise);
    }
    return promise as Promise<T>;
  }

  info = () => this.json<SearchIndexInfo>('search/index.json');
  display = (key: string) => this.json<SearchDisplay>(displayPath(key));
  table = (shard: string) => this.json<ShardTable>(`search/shards/${shard}.json`);

  private mayBeTraditional: Promise<(char: string) => boolean> | undefined;

  /** How to read the query's characters, or nothing when none of them may be traditional (the table is not fetched). */
  async conversionsFor(query: string): Promise<ConversionContext | undefined> {
    this.mayBeTraditional ??= this.info().then((info) => charSetTest(info.traditionalChars));
    const mayBeTraditional = await this.mayBeTraditional;
    if (![...query].some(mayBeTraditional)) return undefined;
    const data = await this.json<{ conversions: Record<string, string[]>; archiveChars: string }>('search/t2s.json');
    const inArchive = new Set(data.archiveChars);
    return { conversions: data.conversions, inArchive: (char) => inArchive.has(char) };
  }

  /** Every record's article dates, from all shards. */
  async records(): Promise<ShardTable['records']> {
    const info = await this.info();
    const tables = await Promise.all(info.shards.map((shard) => this.table(shard.id)));
    return Object.assign({}, ...tables.map((table) => table.records));
  }
}

function yearsBetween(years: readonly string[], from: string, to: string): string[] | undefined {
  if (!from && !to) return undefined;
  return years.filter((year) => (!from || year >= from) && (!to || year <= to));
}

function filtersOf(state: SearchState, info: SearchIndexInfo): SearchFilters {
  const filters: SearchFilters = {};
  if (state.publication.length > 0) filters.publication = state.publication;
  if (state.section.length > 0) filters.section = state.section;
  const years = yearsBetween(info.facets.year, state.from, state.to);
  if (years) filters.year = years;
  return filters;
}

/** Appends text, with the hits in <mark>; never parses the text as HTML. */
function appendSegments(parent: HTMLElement, segments: readonly Segment[]): void {
  for (const segment of segments) {
    if (segment.hit) {
      const mark = document.createElement('mark');
      mark.textContent = segment.text;
      parent.append(mark);
    } else {
      parent.append(document.createTextNode(segment.text));
    }
  }
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  return node;
}

/** The strings to mark: every reading of every term. */
function needlesOf(query: AnalysedQuery): string[] {
  return [...new Set(query.terms.flatMap((term) => term.variants.map((variant) => variant.text)))];
}

export class SearchApp {
  private readonly data: SearchData;
  private engine: Promise<{ engine: MatchEngine; info: SearchIndexInfo; backend: PostingsBackend }> | undefined;
  private run = 0;
  /** The URL of the search under way, pushed once its first screen is shown (or a newer search begins). */
  private pendingUrl: string | undefined;
  private ranked: Ranking = new Ranking(MatchResult.none, () => 0);
  private shown = 0;
  private query: AnalysedQuery | undefined;
  private readonly unfiltered = new Map<string, Promise<MatchResult>>();
  private readonly form: HTMLFormElement;
  private readonly input: HTMLInputElement;
  private readonly list: HTMLOListElement;
  private readonly summary: HTMLElement;
  private readonly notice: HTMLElement;
  private readonly more: HTMLButtonElement;
  private readonly controls: HTMLElement;
  private readonly filters: HTMLDetailsElement;
  private readonly loose: HTMLElement;
  private readonly looseList: HTMLOListElement;
  private readonly looseNote: HTMLElement;

  constructor(private readonly root: HTMLElement) {
    this.data = new SearchData(root.dataset.base ?? '/');
    const find = <T extends HTMLElement>(selector: string) => {
      const found = root.querySelector<T>(selector);
      if (!found) throw new Error(`search page: missing ${selector}`);
      return found;
    };
    this.form = find<HTMLFormElement>('form[data-search-form]');
    this.input = find<HTMLInputElement>('input[name="q"]');
    this.list = find<HTMLOListElement>('ol[data-search-results]');
    this.summary = find('[data-search-summary]');
    this.notice = find('[data-search-notice]');
    this.more = find<HTMLButtonElement>('button[data-search-more]');
    this.controls = find('[data-search-controls]');
    this.filters = find<HTMLDetailsElement>('details[data-search-filters]');
    this.loose = find('[data-search-loose]');
    this.looseList = find<HTMLOListElement>('ol[data-loose-results]');
    this.looseNote = find('[data-loose-note]');
  }

  /**
   * The engine without the page, for tools (the search benchmark): every matching
   * article's key (`<record>-<slot>`, the name of its display file), ranked.
   */
  async keys(query: string): Promise<string[]> {
    const { engine, info, backend } = await this.loadEngine();
    const context = await this.data.conversionsFor(query);
    const result = await engine.match(analyseQuery(query, context, backend.wordCost));
    return rankByRelevance(result, info.articles)
      .all()
      .map((match) => match.key);
  }

  start(): void {
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.navigate({ ...this.currentState(), q: this.input.value });
    });
    this.controls.addEventListener('change', () => this.navigate(this.currentState()));
    this.filters.addEventListener('toggle', () => {
      if (this.filters.open) void this.showFacetCounts(this.run);
    });
    this.more.addEventListener('click', () => void this.showNextScreen());
    this.list.addEventListener('click', (event) => this.rememberHits(event));
    window.addEventListener('popstate', () => {
      this.pendingUrl = undefined;
      void this.search(readState(location.search));
    });
    void this.search(readState(location.search));
  }

  /** The state the form and controls show now. */
  private currentState(): SearchState {
    const form = new FormData(this.form);
    const checked = (name: string) => form.getAll(name).map(String);
    return {
      q: String(form.get('q') ?? ''),
      sort: form.get('sort') === 'date' ? 'date' : 'relevance',
      publication: checked('publication'),
      section: checked('section'),
      from: String(form.get('from') ?? ''),
      to: String(form.get('to') ?? ''),
    };
  }

  private navigate(state: SearchState): void {
    this.followUrl();
    const url = `${location.pathname}${stateToSearch(state)}`;
    if (url !== `${location.pathname}${location.search}`) this.pendingUrl = url;
    void this.search(state);
  }

  /**
   * The URL follows the search once its results are shown, not while the index's files are
   * on their way: a new history entry costs the browser a navigation's work (and it asks
   * for the icon again), which on a phone's cores delays the answer itself.
   */
  private followUrl(): void {
    if (this.pendingUrl !== undefined) history.pushState(null, '', this.pendingUrl);
    this.pendingUrl = undefined;
  }

  /** The search is over, shown or failed: its URL is followed, then the list says so. */
  private finish(total: number): void {
    this.followUrl();
    this.setStatus('done', total);
  }

  /** Takes the previous search's results off the page. */
  private clearResults(): void {
    this.list.replaceChildren();
    this.loose.hidden = true;
    this.looseList.replaceChildren();
    this.notice.textContent = '';
  }

  private loadEngine() {
    this.engine ??= this.data.info().then((info) => {
      const backend = new PostingsBackend(this.data.base, info, (path) => this.data.json(path));
      return { engine: new MatchEngine(backend, info), info, backend };
    });
    return this.engine;
  }

  private setStatus(status: 'loading' | 'done', total: number): void {
    this.list.dataset.searchStatus = status;
    this.list.dataset.searchTotal = String(total);
    this.list.setAttribute('aria-busy', String(status === 'loading'));
  }

  /** Puts the state into the form, so it shows what is being searched. */
  private showState(state: SearchState, info: SearchIndexInfo | undefined): void {
    this.input.value = state.q;
    if (info) this.buildFilterControls(info, state);
    for (const radio of this.form.querySelectorAll<HTMLInputElement>('input[name="sort"]')) {
      radio.checked = radio.value === state.sort;
    }
  }

  /** The query read, matched and ranked: what the index answers. */
  private async answer(state: SearchState): Promise<{ query: AnalysedQuery; ranked?: Ranking; info: SearchIndexInfo }> {
    const { engine, info, backend } = await this.loadEngine();
    const context = await this.data.conversionsFor(state.q);
    const query = analyseQuery(state.q, context, backend.wordCost);
    if (query.terms.length === 0) return { query, info };
    const result = await engine.match(query, filtersOf(state, info));
    const ranked = rankByRelevance(result, info.articles);
    if (state.sort !== 'date') return { query, ranked, info };
    const records = await this.data.records();
    return {
      query,
      info,
      ranked: rankByDate(ranked, (record, slot) => records[backend.recordName(record)]?.dates[slot] ?? ''),
    };
  }

  async search(state: SearchState): Promise<void> {
    const run = ++this.run;
    // Asked for before anything else is done, so that the index's files are on their way.
    const answering = state.q.trim() ? this.answer(state) : undefined;
    answering?.catch(() => undefined);
    this.setStatus('loading', 0);
    this.more.hidden = true;
    this.showState(state, undefined);
    document.title = state.q
      ? `搜索：${state.q} - ${this.root.dataset.siteName}`
      : `搜索 - ${this.root.dataset.siteName}`;
    if (!answering) {
      this.clearResults();
      this.summary.textContent = '请输入要搜索的词句。';
      this.controls.hidden = true;
      this.finish(0);
      return;
    }
    // The previous results stay (the list busy) until the answer is known, unless it is slow:
    // a quick answer then costs the page one change, not two, while its files arrive.
    const slow = setTimeout(() => {
      if (run !== this.run) return;
      this.clearResults();
      this.summary.textContent = '正在搜索…';
    }, SLOW_ANSWER_MS);
    try {
      const { query, ranked, info } = await answering;
      clearTimeout(slow);
      if (run !== this.run) return;
      this.clearResults();
      this.showState(state, info);
      this.query = query;
      if (!ranked) {
        this.summary.textContent = '查询中没有可搜索的文字（标点符号不参与匹配）。';
        this.finish(0);
        return;
      }
      const filters = filtersOf(state, info);
      this.ranked = ranked;
      this.shown = 0;
      this.controls.hidden = false;
      this.summary.textContent =
        ranked.length > 0
          ? `找到 ${ranked.length} 篇文章。`
          : `没有找到包含“${query.terms.map((t) => t.typed).join(' ')}”的文章。`;
      if (query.converted) this.notice.textContent = '已按简体字查询（繁体字转换依据 OpenCC 字表）。';
      // How long a reader waits is measured by these (bench:search): the answer known, and the first screen shown.
      performance.mark('search:answer');
      await this.showMore(run, false);
      if (run !== this.run) return;
      performance.mark('search:shown');
      this.finish(ranked.length);
      if (this.filters.open) void this.showFacetCounts(run);
      if (ranked.length === 0) await this.showLoose(run, query, filters);
    } catch (error) {
      clearTimeout(slow);
      if (run !== this.run) return;
      this.clearResults();
      this.summary.textContent = '搜索出错，请稍后重试。';
      this.notice.textContent = String(error instanceof Error ? error.message : error);
      this.finish(0);
    }
  }

  /** The reader asked for more: the list is busy until the whole next screen is shown. */
  private async showNextScreen(): Promise<void> {
    const run = this.run;
    this.setStatus('loading', this.ranked.length);
    try {
      await this.showMore(run, true);
    } catch (error) {
      if (run !== this.run) return;
      this.notice.textContent = String(error instanceof Error ? error.message : error);
    }
    if (run === this.run) this.setStatus('done', this.ranked.length);
  }

  /**
   * Shows the next screen of results, each as soon as it and those before it are ready
   * (their display files are all asked for at once); moves focus to the first new one when
   * the reader asked for more. Not a frame at a time: the browser paints what is there at
   * its next frame anyway, and waiting for frames made the first screen a frame or more later.
   */
  private async showMore(run: number, focus: boolean): Promise<void> {
    const query = this.query;
    if (!query) return;
    const next = this.ranked.slice(this.shown, this.shown + PAGE_SIZE);
    this.shown += next.length;
    this.more.hidden = true;
    const items = next.map((match) => this.resultItem(match, query));
    // One failure ends the screen (search() reports it); the others' are not left unhandled.
    for (const item of items) item.catch(() => undefined);
    for (const [index, item] of items.entries()) {
      const ready = await item;
      if (run !== this.run) return;
      this.list.append(ready);
      if (focus && index === 0) ready.querySelector('a')?.focus();
    }
    this.more.hidden = this.shown >= this.ranked.length;
    this.more.textContent = `显示更多结果（还有 ${this.ranked.length - this.shown} 篇）`;
  }

  private async resultItem(match: ArticleMatch, query: AnalysedQuery): Promise<HTMLLIElement> {
    const display = await this.data.display(match.key);
    const needles = needlesOf(query);
    const item = element('li', 'result');
    if (display.kicker) {
      const kicker = element('p', 'result-kicker');
      appendSegments(kicker, markHits(display.kicker, hitRanges(display.kicker, needles)));
      item.append(kicker);
    }
    const heading = element('h2', 'result-headline');
    const link = element('a');
    link.href = display.url;
    link.dataset.result = '';
    appendSegments(link, markHits(display.headline, hitRanges(display.headline, needles)));
    heading.append(link);
    item.append(heading);
    if (display.subheadline) {
      const subheadline = element('p', 'result-kicker');
      appendSegments(subheadline, markHits(`——${display.subheadline}`, hitRanges(`——${display.subheadline}`, needles)));
      item.append(subheadline);
    }
    const meta = element('p', 'result-meta');
    meta.textContent = [display.publication, display.dateLabel, display.section].join(' · ');
    const quote = element('p', 'result-excerpt');
    appendSegments(quote, excerpt(display.text.slice(display.decks), needles));
    item.append(meta, quote);
    return item;
  }

  /** Lets the article page mark the hits, including readings of a traditional query. */
  private rememberHits(event: MouseEvent): void {
    const link = (event.target as HTMLElement).closest<HTMLAnchorElement>('a[data-result], a[data-loose-result]');
    if (!link || !this.query) return;
    try {
      const handoff: HitsHandoff = { path: new URL(link.href).pathname, needles: needlesOf(this.query) };
      sessionStorage.setItem(HITS_KEY, JSON.stringify(handoff));
    } catch {
      // Storage may be disabled; the article page then reads the query from the referrer.
    }
  }

  /** The looser, word-by-word results, labelled as such. */
  private async showLoose(run: number, query: AnalysedQuery, filters: SearchFilters): Promise<void> {
    const { engine, info, backend } = await this.loadEngine();
    const known = new Map<string, boolean>();
    const isWord = async (word: string) => {
      if (!known.has(word)) known.set(word, (await backend.search([jiebaWord(word)])).length > 0);
      return known.get(word)!;
    };
    const loose = await looseQuery(query, isWord);
    if (!loose || run !== this.run) return;
    const result = await engine.match(loose, filters);
    if (run !== this.run || result.length === 0) return;
    const ranked = rankByRelevance(result, info.articles);
    const words = loose.terms.map((term) => term.text).join(' / ');
    this.looseNote.textContent = `以下 ${ranked.length} 篇不含完整的查询，但含有其中每个词（按结巴分词：${words}），仅供参考。`;
    const items = await Promise.all(ranked.slice(0, PAGE_SIZE).map((match) => this.resultItem(match, loose)));
    if (run !== this.run) return;
    for (const item of items) {
      const link = item.querySelector('a');
      if (link) {
        delete link.dataset.result;
        link.dataset.looseResult = '';
      }
    }
    this.looseList.replaceChildren(...items);
    this.loose.hidden = false;
  }

  /** The filter controls, built once from the index's facet values. */
  private buildFilterControls(info: SearchIndexInfo, state: SearchState): void {
    for (const key of ['publication', 'section'] as const) {
      const container = this.root.querySelector<HTMLElement>(`[data-facet="${key}"]`);
      if (!container) continue;
      if (container.childElementCount === 0) {
        for (const value of info.facets[key]) {
          const label = element('label');
          const box = element('input');
          box.type = 'checkbox';
          box.name = key;
          box.value = value;
          const text = element('span');
          text.textContent = value;
          const count = element('span', 'facet-count');
          count.dataset.count = value;
          label.append(box, text, count);
          container.append(label);
        }
      }
      for (const box of container.querySelectorAll<HTMLInputElement>('input'))
        box.checked = state[key].includes(box.value);
    }
    for (const name of ['from', 'to'] as const) {
      const select = this.root.querySelector<HTMLSelectElement>(`select[name="${name}"]`);
      if (!select) continue;
      if (select.options.length <= 1) {
        for (const year of info.facets.year) select.append(new Option(`${year}年`, year));
      }
      select.value = state[name];
    }
  }

  /** Counts, for every filter value, the articles the query finds with that value (and the other filters). */
  private async showFacetCounts(run: number): Promise<void> {
    const query = this.query;
    if (!query || query.terms.length === 0) return;
    const { engine, info, backend } = await this.loadEngine();
    let unfiltered = this.unfiltered.get(query.typed);
    if (!unfiltered) this.unfiltered.set(query.typed, (unfiltered = engine.match(query)));
    const result = await unfiltered;
    if (run !== this.run) return;
    const state = this.currentState();
    const years = new Set(yearsBetween(info.facets.year, state.from, state.to) ?? info.facets.year);
    const counts = { publication: new Map<string, number>(), section: new Map<string, number>() };
    for (let match = 0; match < result.length; match++) {
      const record = backend.records.filters[result.record(match)];
      if (!record || !years.has(record.year)) continue;
      const passes = (key: 'publication' | 'section') => state[key].length === 0 || state[key].includes(record[key]);
      if (passes('section'))
        counts.publication.set(record.publication, (counts.publication.get(record.publication) ?? 0) + 1);
      if (passes('publication')) counts.section.set(record.section, (counts.section.get(record.section) ?? 0) + 1);
    }
    for (const key of ['publication', 'section'] as const) {
      for (const span of this.root.querySelectorAll<HTMLElement>(`[data-facet="${key}"] .facet-count`)) {
        span.textContent = `（${counts[key].get(span.dataset.count ?? '') ?? 0}）`;
      }
    }
  }
}
