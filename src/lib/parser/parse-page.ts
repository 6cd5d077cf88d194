/**
 * One printed page's text → its articles, its furniture and whatever could not be placed.
 * Pure: the page's metadata and the keyword extractor are passed in.
 */
import type { Article, ArticleKind, Byline, Defect, Furniture, Leftover, Page, Paragraph } from '../article';
import { articleId } from '../ids';
import { blockText, firstLine, lastLine, splitBlocks, type Block } from './blocks';
import { emptyByline, mergeNames } from './byline';
import { endsParagraph } from './chinese-text';
import { classifyBlocks, type Tag } from './classify';
import { findRepeatedText, findUnbalancedQuotes } from './defects';
import { splitDecks } from './headings';
import { appendProse, isCaption, joinEnumerationBreaks, readyForSubhead, splitDateline } from './paragraphs';
import { findHeadlineRuns, type HeadlineRun } from './runs';

/** What the archive knows about a page before reading it (from the manifest or inferred). */
export interface PageMeta {
  /** The page file's name relative to seeds/. */
  file: string;
  publication: string;
  publicationId: string;
  date: string;
  datePrecision: Article['datePrecision'];
  metadataOrigin: Article['metadataOrigin'];
  page: Page;
}

export interface ParseOptions {
  /** Top terms of an article's text (nodejieba's TF-IDF at build time). */
  extractKeywords?: (text: string) => string[];
  /** Chinese names of columns known by their pinyin label: { 'DIYI PINGLUN': '第一评论' }. */
  columnNames?: Readonly<Record<string, string>>;
}

export interface ParsedPage {
  articles: Article[];
  furniture: Furniture[];
  leftovers: Leftover[];
  /**
   * What an archivist should look at, with the source line: a warning where the parse may
   * be wrong (text it could not place, no headline at all), a note where the printed page
   * itself is defective (repeated or cut-off text), which the article records as well.
   */
  warnings: Array<{ level: 'warning' | 'note'; line: number; message: string }>;
}

interface Draft {
  decks: ReturnType<typeof splitDecks>;
  kind?: ArticleKind;
  byline: Byline;
  dateline?: string;
  paragraphs: Paragraph[];
  section?: string;
  series?: string;
  column?: Article['column'];
  lineStart: number;
  lineEnd: number;
}

const FEATURE_WORDS = /侧记|特写|纪实|速写|手记|专访|访谈|走笔|蹲点/u;
const COMMENTARY_WORDS = /评论|时评|社论|短评|评论员|快评|论$/u;
const NOTICE_WORDS = /(?:公告|启事|通知|声明|公示|讣告|通告)$/u;
const CONTINUED_MARK = /[（(]?\s*(?:下)?转(?:第)?\s*(\d{1,3})\s*版\s*[)）]?$/u;

function kindOf(draft: Draft): ArticleKind {
  if (draft.kind) return draft.kind;
  const decks = [draft.decks.kicker, draft.decks.headline, draft.decks.subheadline].filter(Boolean).join(' ');
  if (draft.column?.name && COMMENTARY_WORDS.test(draft.column.name)) return 'commentary';
  if (NOTICE_WORDS.test(draft.decks.headline)) return 'notice';
  if (FEATURE_WORDS.test(decks)) return 'feature';
  return 'news';
}

/** Reads the page's blocks in order and gathers them into article drafts. */
class PageReader {
  readonly furniture: Furniture[] = [];
  readonly leftovers: Leftover[] = [];
  readonly drafts: Draft[] = [];
  readonly columnLabels: Array<{ line: number; label: string; editor?: string }> = [];
  private section: string | undefined;
  private sharedByline: Byline | undefined;
  private sectionStart = 0;
  private current: Draft | undefined;
  private readonly runs: Map<number, HeadlineRun>;

  constructor(
    private readonly blocks: readonly Block[],
    private readonly tags: readonly Tag[],
  ) {
    this.runs = findHeadlineRuns(blocks, tags);
  }

  read(): void {
    for (let index = 0; index < this.blocks.length; index++) {
      const run = this.runs.get(index);
      index = run ? this.beginRun(run) : (this.readBlock(index), index);
    }
  }

  private get sectionHasArticles(): boolean {
    return this.drafts.length > this.sectionStart;
  }

  private addFurniture(role: Furniture['role'], block: Block): void {
    this.furniture.push({ role, text: blockText(block, '\n'), line: firstLine(block) });
  }

  private addSeries(draft: Draft, block: Block): void {
    draft.series = [draft.series, blockText(block, ' ')].filter(Boolean).join(' ');
    this.addFurniture('series-banner', block);
  }

  private startArticle(headings: readonly Block[]): Draft {
    const draft: Draft = {
      decks: splitDecks(headings.flatMap((block) => block.lines.map((line) => line.text))),
      byline: this.sharedByline ? { ...structuredClone(this.sharedByline), shared: true } : emptyByline(),
      paragraphs: [],
      lineStart: firstLine(headings[0]!),
      lineEnd: lastLine(headings[headings.length - 1]!),
    };
    if (this.section) draft.section = this.section;
    this.drafts.push(draft);
    this.current = draft;
    return draft;
  }

  private addProse(draft: Draft, block: Block, type: Paragraph['type'] = 'text'): void {
    let prose = block;
    if (type === 'text' && draft.paragraphs.length === 0 && draft.dateline === undefined) {
      const { dateline, text } = splitDateline(blockText(block));
      if (dateline) {
        draft.dateline = dateline;
        prose = { ...block, lines: [{ number: firstLine(block), text }] };
      }
    }
    if (blockText(prose) !== '') {
      appendProse(draft.paragraphs, prose, type === 'text' && isCaption(block) ? 'caption' : type);
    }
    extend(draft, block);
  }

  /** Starts the article a headline run vouches for; returns the last block index it used. */
  private beginRun(run: HeadlineRun): number {
    let headings = run.headings;
    if (run.type === 'photo' && headings.length > 1 && this.current && this.sectionHasArticles) {
      // A photo item has a one-deck headline; a heading above it is the banner of the story before.
      for (const index of headings.slice(0, -1)) this.addSeries(this.current, this.blocks[index]!);
      headings = headings.slice(-1);
    }
    const draft = this.startArticle(headings.map((index) => this.blocks[index]!));
    const anchor = this.blocks[run.anchor]!;
    const tag = this.tags[run.anchor];
    if (run.type === 'dateline') return run.anchor - 1;
    if (run.type === 'photo') {
      draft.kind = 'photo';
      this.addProse(draft, this.blocks[run.caption!]!, 'caption');
    }
    if (tag?.kind === 'byline') draft.byline = { ...tag.byline, shared: false };
    if (tag?.kind === 'speaker') {
      draft.byline = { ...emptyByline(), authors: tag.speaker.name ? [tag.speaker.name] : [], raw: blockText(anchor) };
      if (tag.speaker.isSpeech) draft.kind = 'speech';
    }
    if (run.type === 'signature') {
      draft.byline = { ...emptyByline(), authors: [blockText(anchor)], raw: blockText(anchor) };
      draft.kind = 'commentary';
    }
    extend(draft, anchor);
    return run.anchor;
  }

  private readBlock(index: number): void {
    const block = this.blocks[index]!;
    const tag = this.tags[index]!;
    const current = this.current;
    switch (tag.kind) {
      case 'furniture':
        this.addFurniture(tag.role, block);
        if (tag.column) this.columnLabels.push({ line: firstLine(block), ...tag.column });
        if (tag.role === 'section-header') {
          this.section = blockText(block).replace(/\s+/gu, '');
          this.sharedByline = undefined;
          this.sectionStart = this.drafts.length;
          this.current = undefined;
        }
        return;
      case 'byline':
        if (current && this.sectionHasArticles) {
          // A credit after the text: the photographer of a picture in the story, or a trailing byline.
          mergeNames(current.byline, tag.byline);
          current.byline.raw = [current.byline.raw, tag.byline.raw].filter(Boolean).join('\n');
          extend(current, block);
        } else {
          // Printed before any headline: the byline of the whole package that follows.
          this.sharedByline = tag.byline;
          this.addFurniture('package-byline', block);
        }
        return;
      case 'speaker':
      case 'prose':
        if (current) this.addProse(current, block);
        else
          this.leftovers.push({
            text: blockText(block, '\n'),
            line: firstLine(block),
            reason: 'text before the first headline of its page or section (continued from another page?)',
          });
        return;
      case 'heading':
        this.readHeading(index, tag.strong);
    }
  }

  /**
   * A heading nothing vouches for: the rest of a paragraph a column break cut, an unsigned
   * article, a subhead, a banner, or a short sentence after all.
   */
  private readHeading(index: number, strong: boolean): void {
    const block = this.blocks[index]!;
    const text = blockText(block);
    const current = this.current;
    const followedByProse = this.tags[index + 1]?.kind === 'prose';
    const packageStart = this.sharedByline !== undefined && strong;
    if (current && (current.paragraphs.length === 0 || !readyForSubhead(current.paragraphs))) {
      // Right after a byline, or the rest of a paragraph a column break cut: body text.
      this.addProse(current, block);
    } else if (followedByProse && (packageStart || !this.sectionHasArticles)) {
      this.startArticle([block]);
    } else if (current && followedByProse && strong && !endsParagraph(text)) {
      current.paragraphs.push({
        type: 'subhead',
        text: blockText(block, ' '),
        lines: block.lines.map((line) => line.number),
      });
      extend(current, block);
    } else if (current && (followedByProse || endsParagraph(text))) {
      this.addProse(current, block);
    } else if (current && this.sectionHasArticles) {
      this.addSeries(current, block);
    } else {
      this.addFurniture('promo', block);
    }
  }
}

function extend(draft: Draft, block: Block): void {
  draft.lineEnd = Math.max(draft.lineEnd, lastLine(block));
}

function resolveColumns(reader: PageReader, columnNames: Readonly<Record<string, string>>): void {
  for (const { line, label, editor } of reader.columnLabels) {
    // The label sits next to its column's article: the commentary before it, else the article after.
    const before = [...reader.drafts].reverse().find((draft) => draft.lineEnd < line);
    const after = reader.drafts.find((draft) => draft.lineStart > line);
    const target = before && kindOf(before) === 'commentary' ? before : (after ?? before);
    if (!target) continue;
    const name = columnNames[label];
    target.column = { label, ...(name ? { name } : {}), ...(editor ? { editor } : {}) };
  }
}

function bodyDefects(paragraphs: readonly Paragraph[]): Defect[] {
  return [...findRepeatedText(paragraphs), ...findUnbalancedQuotes(paragraphs)].sort((a, b) => a.line - b.line);
}

function toArticle(draft: Draft, position: number, meta: PageMeta, options: ParseOptions): Article {
  joinEnumerationBreaks(draft.paragraphs);
  const last = draft.paragraphs[draft.paragraphs.length - 1];
  const defects = bodyDefects(draft.paragraphs);
  const continuedMark = last ? CONTINUED_MARK.exec(last.text) : null;
  const brokenOff = last !== undefined && last.type === 'text' && !endsParagraph(last.text) && !continuedMark;
  if (brokenOff) {
    defects.push({
      type: 'cut-off',
      line: last.lines[last.lines.length - 1] ?? draft.lineEnd,
      detail: 'The text stops mid-sentence: the rest of the article is on another page or was lost.',
    });
  }
  const { kicker, headline, subheadline } = draft.decks;
  const text = [kicker, headline, subheadline, ...draft.paragraphs.map((p) => p.text)].filter(Boolean).join('\n');
  const article: Article = {
    id: articleId(meta, position),
    publication: meta.publication,
    publicationId: meta.publicationId,
    date: meta.date,
    datePrecision: meta.datePrecision,
    metadataOrigin: meta.metadataOrigin,
    page: meta.page,
    position,
    kind: kindOf(draft),
    headline,
    byline: draft.byline,
    paragraphs: draft.paragraphs,
    continued: brokenOff || continuedMark !== null,
    defects,
    source: { file: meta.file, lineStart: draft.lineStart, lineEnd: draft.lineEnd },
    keywords: options.extractKeywords?.(text) ?? [],
  };
  if (continuedMark?.[1]) article.continuedOnPage = Number(continuedMark[1]);
  if (draft.section) article.section = draft.section;
  if (draft.column) article.column = draft.column;
  if (draft.series) article.series = draft.series;
  if (kicker) article.kicker = kicker;
  if (subheadline) article.subheadline = subheadline;
  if (draft.dateline) article.dateline = draft.dateline;
  return article;
}

export function parsePage(text: string, meta: PageMeta, options: ParseOptions = {}): ParsedPage {
  const blocks = splitBlocks(text);
  const reader = new PageReader(blocks, classifyBlocks(blocks));
  reader.read();
  resolveColumns(reader, options.columnNames ?? {});
  const articles = reader.drafts.map((draft, index) => toArticle(draft, index + 1, meta, options));
  const warnings: ParsedPage['warnings'] = [];
  if (blocks.length > 0 && articles.length === 0) {
    warnings.push({
      level: 'warning',
      line: firstLine(blocks[0]!),
      message: 'no headline found: the page gave no articles',
    });
  }
  for (const leftover of reader.leftovers)
    warnings.push({ level: 'warning', line: leftover.line, message: leftover.reason });
  for (const article of articles) {
    for (const defect of article.defects)
      warnings.push({ level: 'note', line: defect.line, message: `${article.headline}: ${defect.detail}` });
  }
  warnings.sort((a, b) => a.line - b.line);
  return { articles, furniture: reader.furniture, leftovers: reader.leftovers, warnings };
}
