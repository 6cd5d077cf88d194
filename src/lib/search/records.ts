/**
 * How articles are packed into the search index.
 *
 * Shards: consecutive months of the archive, up to ARTICLES_PER_SHARD articles each; a month
 * with more articles is split at day boundaries. A shard is built in a process of its own,
 * which holds its postings in memory, so shards bound the build's memory; and adding a day's
 * pages changes only the newest shard, so only it is rebuilt.
 *
 * Records: within a shard, articles of one paper, section and year, in date order, up to
 * ARTICLES_PER_RECORD to a record, each in a slot of its own (see tokens.ts). Few records
 * keep the index's record lists short and the page's table of records' filters small; the
 * slot layout still tells every article apart.
 */
export const ARTICLES_PER_SHARD = 2500;
export const ARTICLES_PER_RECORD = 32;

export interface ShardArticle {
  id: string;
  date: string;
  /** Changes whenever the article changes. */
  digest: string;
}

export interface ShardPlan {
  /** The shard's first period or day (2026-03, 2026-03-16, or 2026 for year-dated pages): its name in URLs. */
  id: string;
  articleIds: string[];
}

/** The period an article is shard-planned by: its month, or its year when only that is known. */
function period(date: string): string {
  return date.slice(0, 7);
}

/** Consecutive runs of items with the same key, in order. */
function runsBy<T>(items: readonly T[], key: (item: T) => string): Array<{ key: string; items: T[] }> {
  const runs: Array<{ key: string; items: T[] }> = [];
  for (const item of items) {
    const last = runs[runs.length - 1];
    if (last && last.key === key(item)) last.items.push(item);
    else runs.push({ key: key(item), items: [item] });
  }
  return runs;
}

/** Packs runs in order into groups of at most `limit` items (a run larger than that is a group of its own). */
function pack<T>(runs: ReadonlyArray<{ key: string; items: T[] }>, limit: number): Array<{ key: string; items: T[] }> {
  const groups: Array<{ key: string; items: T[] }> = [];
  for (const run of runs) {
    const current = groups[groups.length - 1];
    if (current && current.items.length + run.items.length <= limit) current.items.push(...run.items);
    else groups.push({ key: run.key, items: [...run.items] });
  }
  return groups;
}

/** Splits the archive, in date order, into shards of whole months, or of whole days within a large month. */
export function planShards(articles: readonly ShardArticle[]): ShardPlan[] {
  const sorted = [...articles].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
  const parts = runsBy(sorted, (article) => period(article.date)).flatMap((month) =>
    month.items.length <= ARTICLES_PER_SHARD
      ? [month]
      : pack(
          runsBy(month.items, (article) => article.date),
          ARTICLES_PER_SHARD,
        ),
  );
  return pack(parts, ARTICLES_PER_SHARD).map(({ key, items }) => ({
    id: key,
    articleIds: items.map((item) => item.id),
  }));
}

/**
 * Shards per segment of the word index (postings.ts), up to about 80,000 articles: a word
 * costs one file per segment.
 */
export const SHARDS_PER_SEGMENT = 32;

/**
 * The word index's segments: the newest shard alone, which a new day's pages change, and
 * the others, SHARDS_PER_SEGMENT at a time in order. Adding a day then puts together the
 * newest shard's segment only; a new shard (a new month) also the last closed segment,
 * which the shard before it joins (about 10 s for 27 shards of 2,000 articles, measured).
 */
export function planSegments<T>(shards: readonly T[]): T[][] {
  const closed = shards.slice(0, -1);
  const segments: T[][] = [];
  for (let start = 0; start < closed.length; start += SHARDS_PER_SEGMENT) {
    segments.push(closed.slice(start, start + SHARDS_PER_SEGMENT));
  }
  if (shards.length > 0) segments.push(shards.slice(-1));
  return segments;
}

export interface RecordArticle {
  id: string;
  /** The record's filters: articles are only packed with others that share them. */
  publication: string;
  section: string;
  year: string;
  /** The article's index words laid out for a slot, joined by spaces (one string holds far less memory than its words). */
  text: string;
  /** How many words `text` holds. */
  wordCount: number;
  fits: boolean;
}

export interface RecordPlan {
  publication: string;
  section: string;
  year: string;
  /** Article ids in slot order. */
  articleIds: string[];
  /** The record holds one article too long for a slot: all its positions are that article's. */
  overflow?: true;
}

/** An article's slot words as a record keeps them. */
export function packedSlot(slot: {
  words: readonly string[];
  fits: boolean;
}): Pick<RecordArticle, 'text' | 'wordCount' | 'fits'> {
  return { text: slot.words.join(' '), wordCount: slot.words.length, fits: slot.fits };
}

/** Packs a shard's articles (in date order) into records of one paper, section and year. */
export function planRecords(articles: readonly RecordArticle[]): RecordPlan[] {
  const open = new Map<string, RecordPlan>();
  const records: RecordPlan[] = [];
  for (const article of articles) {
    const filters = { publication: article.publication, section: article.section, year: article.year };
    if (!article.fits) {
      records.push({ ...filters, articleIds: [article.id], overflow: true });
      continue;
    }
    const key = `${article.publication}\u0000${article.section}\u0000${article.year}`;
    let record = open.get(key);
    if (!record || record.articleIds.length >= ARTICLES_PER_RECORD) {
      record = { ...filters, articleIds: [] };
      open.set(key, record);
      records.push(record);
    }
    record.articleIds.push(article.id);
  }
  return records;
}
