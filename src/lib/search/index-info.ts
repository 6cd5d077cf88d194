/** What dist/search/index.json tells the search page: written by the build, read first by every search. */
import type { CharSet } from './char-set';
import { recordName, shardName } from './postings';

export interface SearchIndexInfo {
  version: number;
  slotWidth: number;
  headlineRegion: number;
  articles: number;
  /** In date order. */
  shards: Array<{
    id: string;
    articles: number;
    /** Each record's filters, by record number, as indexes into `facets`: publication, section, year. */
    records: Array<[number, number, number]>;
  }>;
  /** The word index's segments (postings.ts): a word is looked up in one file of each. */
  segments: Array<{
    id: string;
    files: number;
    /** Its files of LARGE_FILE_BYTES or more, as listLargeFiles lists them. */
    largeFiles: number[];
  }>;
  /** Records holding one article too long for a slot. */
  overflowRecords: string[];
  /** How many hex digits of a headline digest name its bucket. */
  headlineBucketWidth: number;
  /** Every value each filter can take. */
  facets: { publication: string[]; section: string[]; year: string[] };
  /** The characters the conversion table (search/t2s.json) reads as simplified. */
  traditionalChars: CharSet;
}

export interface RecordFilters {
  publication: string;
  section: string;
  year: string;
}

/** Every record's filters, by record name (postings.ts). */
export function recordFilters(info: SearchIndexInfo): Map<string, RecordFilters> {
  const { publication, section, year } = info.facets;
  const filters = new Map<string, RecordFilters>();
  for (const shard of info.shards) {
    const name = shardName(shard.id);
    shard.records.forEach(([p, s, y], number) =>
      filters.set(recordName(name, number), { publication: publication[p]!, section: section[s]!, year: year[y]! }),
    );
  }
  return filters;
}
