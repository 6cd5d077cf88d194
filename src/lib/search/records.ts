/**
 * How articles are packed into the search index.
 *
 * Shards: runs of consecutive days of the archive, up to ARTICLES_PER_SHARD articles each,
 * never across a new year, and beginning with a month when the shard before is at least
 * half full (so a daily paper's shards follow its months). Whether a day begins a shard
 * depends only on the days before it: adding the next day's pages either joins the newest
 * shard or begins a new one, and no other shard changes, so only that one is rebuilt. A
 * shard is built in a process of its own, which holds its postings in memory, so shards
 * bound the build's memory.
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
  /** The date of the shard's first articles (2026-03-16, or 2026-03 and 2026 for pages dated that loosely): its name in URLs. */
  id: string;
  articleIds: string[];
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

/** Splits the archive, in date order, into shards of whole days (see above); a day larger than a shard is one of its own. */
export function planShards(articles: readonly ShardArticle[]): ShardPlan[] {
  const sorted = [...articles].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
  const shards: ShardPlan[] = [];
  let current: ShardPlan | undefined;
  let currentDate = '';
  for (const day of runsBy(sorted, (article) => article.date)) {
    const size = current?.articleIds.length ?? 0;
    const newYear = day.key.slice(0, 4) !== currentDate.slice(0, 4);
    const newMonth = day.key.slice(0, 7) !== currentDate.slice(0, 7);
    if (
      !current ||
      newYear ||
      size + day.items.length > ARTICLES_PER_SHARD ||
      (newMonth && size >= ARTICLES_PER_SHARD / 2)
    ) {
      current = { id: day.key, articleIds: [] };
      shards.push(current);
    }
    for (const article of day.items) current.articleIds.push(article.id);
    currentDate = day.key;
  }
  return shards;
}

/**
 * Shards per segment of the word index (postings.ts), up to about 80,000 articles: a word
 * costs one file per segment.
 */
export const SHARDS_PER_SEGMENT = 32;

/**
 * The word index's segments: the shards, SHARDS_PER_SEGMENT at a time in order. A new
 * day's pages change the newest shard, whose postings come last in each file of the last
 * segment, so the build replaces the end of those files and nothing else (postings.ts).
 */
export function planSegments<T>(shards: readonly T[]): T[][] {
  const segments: T[][] = [];
  for (let start = 0; start < shards.length; start += SHARDS_PER_SEGMENT) {
    segments.push(shards.slice(start, start + SHARDS_PER_SEGMENT));
  }
  return segments;
}

export interface RecordArticle {
  id: string;
  /** The record's filters: articles are only packed with others that share them. */
  publication: string;
  section: string;
  year: string;
  /** Whether its words fit a slot (tokens.ts); if not, it gets a record of its own. */
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
