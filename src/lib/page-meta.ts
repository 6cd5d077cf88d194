/**
 * A page's metadata: from its manifest entry when there is one, otherwise inferred from
 * the text and marked as inferred, with a warning telling the archivist to add an entry.
 */
import type { DatePrecision } from './article';
import type { ArchiveConfig, PublicationConfig } from './archive-config';
import { pageKeyOf } from './ids';
import type { ManifestEntry } from './manifest';
import type { PageMeta } from './parser';

export const UNKNOWN_PUBLICATION: PublicationConfig = {
  id: 'unknown',
  name: '未知报刊',
  region: '未知',
  markers: [],
  columns: {},
};

export function findPublication(config: ArchiveConfig, nameOrId: string): PublicationConfig | undefined {
  return config.publications.find((publication) => publication.name === nameOrId || publication.id === nameOrId);
}

function count(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

/** The paper whose markers occur most often in the text. */
export function inferPublication(
  text: string,
  config: ArchiveConfig,
): { publication: PublicationConfig; evidence: string } {
  let best: { publication: PublicationConfig; hits: number; found: string[] } | undefined;
  for (const publication of config.publications) {
    const found = publication.markers.filter((marker) => text.includes(marker));
    const hits = found.reduce((sum, marker) => sum + count(text, marker), 0);
    if (hits > 0 && (!best || hits > best.hits)) best = { publication, hits, found };
  }
  if (!best) return { publication: UNKNOWN_PUBLICATION, evidence: 'no marker of a configured paper in the text' };
  return { publication: best.publication, evidence: `the text mentions ${best.found.map((m) => `“${m}”`).join('、')}` };
}

/**
 * The issue date from the text: a full date printed on the page (a dated notice or page
 * header) gives the day; otherwise the year mentioned most often (later years win ties).
 */
export function inferDate(text: string): { date: string; precision: DatePrecision; evidence: string } | undefined {
  const full = [...text.matchAll(/(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/gu)];
  const last = full[full.length - 1];
  if (last) {
    const [, year, month, day] = last;
    const date = `${year}-${month?.padStart(2, '0')}-${day?.padStart(2, '0')}`;
    if (!Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
      return { date, precision: 'day', evidence: `the page prints the date “${last[0]}”` };
    }
  }
  const years = new Map<string, number>();
  for (const match of text.matchAll(/(?<!\d)((?:19|20)\d{2})\s*年/gu)) {
    const year = match[1] ?? '';
    years.set(year, (years.get(year) ?? 0) + 1);
  }
  const ranked = [...years].sort(([yearA, a], [yearB, b]) => b - a || yearB.localeCompare(yearA));
  const top = ranked[0];
  if (!top) return undefined;
  return { date: top[0], precision: 'year', evidence: `${top[0]}年 is the year the text mentions most (${top[1]}×)` };
}

export type ResolvedMeta =
  | {
      ok: true;
      meta: PageMeta;
      publication: PublicationConfig;
      /** Messages for the archivist (inferred metadata). */
      warnings: string[];
    }
  | { ok: false; reason: string };

function pageFileKey(file: string): string {
  return file.replace(/\.[^.]+$/u, '');
}

export function resolvePageMeta(
  file: string,
  text: string,
  entry: ManifestEntry | undefined,
  config: ArchiveConfig,
): ResolvedMeta {
  if (entry) {
    const publication = findPublication(config, entry.publication) ?? UNKNOWN_PUBLICATION;
    return {
      ok: true,
      publication,
      warnings: [],
      meta: {
        file,
        publication: publication.name,
        publicationId: publication.id,
        date: entry.date,
        datePrecision: entry.datePrecision,
        metadataOrigin: 'manifest',
        page: { ...entry.page, key: pageKeyOf(entry.page, entry.key ?? pageFileKey(file)) },
      },
    };
  }
  const { publication, evidence } = inferPublication(text, config);
  const date = inferDate(text);
  if (!date) {
    return {
      ok: false,
      reason:
        'not in seeds/manifest.json and the text names no year, so the page has no date; add a manifest entry for it',
    };
  }
  return {
    ok: true,
    publication,
    warnings: [
      `not in seeds/manifest.json: metadata inferred from the text — ${publication.name} (${evidence}), ${date.date} (${date.evidence}). Add an entry to the manifest to confirm it.`,
    ],
    meta: {
      file,
      publication: publication.name,
      publicationId: publication.id,
      date: date.date,
      datePrecision: date.precision,
      metadataOrigin: 'inferred',
      page: { key: pageKeyOf({}, pageFileKey(file)) },
    },
  };
}
