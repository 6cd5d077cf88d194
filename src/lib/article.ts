/**
 * The article model: one zod schema that every layer (parser, content collection,
 * pages, open-data export, search records) derives its types from.
 *
 * The newspaper's own words, as used in names throughout the code:
 *   引题 kicker        — the deck above the main headline
 *   主题 headline      — the main headline
 *   副题 subheadline   — the deck below it, printed after "——"
 *   版   page          — a printed page of an issue (第N版, with a page name such as 要闻)
 *   栏目 column        — a named recurring column (第一评论) or a page's section (两会新声)
 *   本报讯 dateline    — the opening tag of a staff report
 *   记者 reporter, 通讯员 correspondent, 摄影 photographer, 作者 author
 */
import { z } from 'zod';

/** How much of a date is known: the issue day, only its month, or only its year. */
export const datePrecisionSchema = z.enum(['day', 'month', 'year']);
export type DatePrecision = z.infer<typeof datePrecisionSchema>;

/** An ISO 8601 date reduced to its precision: `2026-03-28`, `2026-03` or `2026`. */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'an ISO date: YYYY, YYYY-MM or YYYY-MM-DD');

/** What is known of a printed page (版): its number (第N版) and its name (要闻, 两会新声). */
export const pageRefSchema = z.object({
  /** The page number printed as 第N版, when known. */
  number: z.number().int().positive().optional(),
  /** The page's name (版名), when known. */
  name: z.string().min(1).optional(),
});
export type PageRef = z.infer<typeof pageRefSchema>;

/** A printed page as the archive files it: its key in ids and URLs (`1` for 第1版, else a slug). */
export const pageSchema = pageRefSchema.extend({
  key: z.string().regex(/^[a-z0-9-]+$/),
});
export type Page = z.infer<typeof pageSchema>;

/** Who signed an article, by role. Names are as printed, in print order. */
export const bylineSchema = z.object({
  /** 记者: staff reporters. */
  reporters: z.array(z.string()),
  /** 通讯员: correspondents outside the newsroom. */
  correspondents: z.array(z.string()),
  /** 摄影: whoever took the photographs, staff or not. */
  photographers: z.array(z.string()),
  /** 作者: a signed commentary's writer or a speech's speaker. */
  authors: z.array(z.string()),
  /** The byline lines exactly as printed ("" when unsigned). */
  raw: z.string(),
  /** True when one byline printed once on the page signs every article of a package. */
  shared: z.boolean(),
});
export type Byline = z.infer<typeof bylineSchema>;

/** One block of the body: running text, a subhead (小标题) or a photo caption (图片说明). */
export const paragraphSchema = z.object({
  type: z.enum(['text', 'subhead', 'caption']),
  text: z.string().min(1),
  /** Source lines this paragraph was read from; more than one where a column break was joined. */
  lines: z.array(z.number().int().positive()).min(1),
});
export type Paragraph = z.infer<typeof paragraphSchema>;

/** Something the text extraction broke, kept as found and flagged for a person to check. */
export const defectSchema = z.object({
  type: z.enum(['repeated-text', 'unbalanced-quotes', 'cut-off']),
  /** The source line where the problem shows. */
  line: z.number().int().positive(),
  /** What was found, in a sentence an archivist can act on. */
  detail: z.string(),
});
export type Defect = z.infer<typeof defectSchema>;

export const articleKindSchema = z.enum(['news', 'feature', 'photo', 'commentary', 'speech', 'notice']);
export type ArticleKind = z.infer<typeof articleKindSchema>;

/** Where an article's metadata came from: the manifest, or guessed from the page text. */
export const metadataOriginSchema = z.enum(['manifest', 'inferred']);

export const articleSchema = z.object({
  /** Stable id from publication, date, page and place on the page: the same input gives the same id. */
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** The paper's display name (嘉兴日报). */
  publication: z.string().min(1),
  /** The paper's short id used in URLs (jxrb). */
  publicationId: z.string().regex(/^[a-z0-9-]+$/),
  /** Issue date, reduced to its precision. */
  date: isoDateSchema,
  datePrecision: datePrecisionSchema,
  /** Whether publication and date came from the manifest or were inferred from the text. */
  metadataOrigin: metadataOriginSchema,
  page: pageSchema,
  /** 1-based place of the article on its page, in reading order. */
  position: z.number().int().positive(),
  /** The page section (栏目) the article sits under, e.g. 两会新声. */
  section: z.string().optional(),
  /** A named column the article belongs to (第一评论) and its editor (栏目统筹). */
  column: z.object({ name: z.string().optional(), label: z.string(), editor: z.string().optional() }).optional(),
  /** A series banner printed with the article (创新实干 “镇”不简单). */
  series: z.string().optional(),
  kind: articleKindSchema,
  /** 引题 */
  kicker: z.string().optional(),
  /** 主题 */
  headline: z.string().min(1),
  /** 副题, without its leading dash. */
  subheadline: z.string().optional(),
  byline: bylineSchema,
  /** 本报讯 and the like, taken off the first paragraph. */
  dateline: z.string().optional(),
  paragraphs: z.array(paragraphSchema),
  /** True where the text breaks off at the page end (or says 转N版): the rest is elsewhere. */
  continued: z.boolean(),
  /** The page the article continues on, where the text says so (转2版). */
  continuedOnPage: z.number().int().positive().optional(),
  defects: z.array(defectSchema),
  source: z.object({
    /** The page file, relative to seeds/. */
    file: z.string(),
    lineStart: z.number().int().positive(),
    lineEnd: z.number().int().positive(),
  }),
  /** Top terms of the article by nodejieba's TF-IDF. */
  keywords: z.array(z.string()),
});
export type Article = z.infer<typeof articleSchema>;

/** Text on the page that is not an article: headers, banners, lottery results and the like. */
export const furnitureSchema = z.object({
  role: z.enum([
    'section-header',
    'pinyin',
    'app-banner',
    'column-label',
    'series-banner',
    'promo',
    'lottery',
    'page-header',
    'credits',
    // A byline printed once above a package of articles; each of them also carries it.
    'package-byline',
  ]),
  text: z.string(),
  line: z.number().int().positive(),
});
export type Furniture = z.infer<typeof furnitureSchema>;

/** Text the parser could not place in an article; reported, never dropped. */
export const leftoverSchema = z.object({
  text: z.string(),
  line: z.number().int().positive(),
  reason: z.string(),
});
export type Leftover = z.infer<typeof leftoverSchema>;
