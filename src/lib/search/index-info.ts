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

/**
 * The archive's records, numbered in archive order (shard after shard, each shard's in its
 * order): what the engine calls them by, their names (postings.ts) and their filters.
 */
export class RecordTable {
  readonly names: string[] = [];
  readonly filters: RecordFilters[] = [];
  private readonly byName = new Map<string, number>();
  /** The number of each shard's first record, by the shard's short name. */
  private readonly shardStarts = new Map<string, number>();

  constructor(info: SearchIndexInfo) {
    const { publication, section, year } = info.facets;
    for (const shard of info.shards) {
      const name = shardName(shard.id);
      this.shardStarts.set(name, this.names.length);
      shard.records.forEach(([p, s, y], number) => {
        this.byName.set(recordName(name, number), this.names.length);
        this.names.push(recordName(name, number));
        this.filters.push({ publication: publication[p]!, section: section[s]!, year: year[y]! });
      });
    }
  }

  /** The number of record `record` of the shard of this short name. */
  number(shard: string, record: number): number | undefined {
    const start = this.shardStarts.get(shard);
    return start === undefined ? undefined : start + record;
  }

  numberOf(name: string): number | undefined {
    return this.byName.get(name);
  }
}
