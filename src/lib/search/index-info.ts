/** What dist/search/index.json tells the search page: written by the build, read first by every search. */
import type { CharSet } from './char-set';

export interface SearchIndexInfo {
  version: number;
  slotWidth: number;
  headlineRegion: number;
  articles: number;
  /** In date order. */
  shards: Array<{
    id: string;
    /** Begins its records' names (postings.ts). */
    name: string;
    articles: number;
    /** Each record's filters, by record number, as indexes into `facets`: publication, section, year. */
    records: Array<[number, number, number]>;
  }>;
  /** The word index's segments (postings.ts): a word is looked up in one file of each. */
  segments: Array<{ id: string; files: number }>;
  /** Records holding one article too long for a slot. */
  overflowRecords: string[];
  /** How many hex digits of a headline digest name its bucket. */
  headlineBucketWidth: number;
  /** Every value each filter can take. */
  facets: { publication: string[]; section: string[]; year: string[] };
  /** The characters the conversion table (search/t2s.json) reads as simplified. */
  traditionalChars: CharSet;
}
