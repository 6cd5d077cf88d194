/** The shape of archive.config.ts: what a host edits to publish a different paper. */
import { z } from 'zod';

export const publicationConfigSchema = z.object({
  /** Short id used in URLs and article ids (jxrb → /jxrb/2026/03/28/…). */
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** Display name as the paper prints it (嘉兴日报). */
  name: z.string().min(1),
  /** The city or county it serves (嘉兴), shown beside the name. */
  region: z.string().min(1),
  /** Strings whose presence in a page's text points to this paper, for pages missing from the manifest. */
  markers: z.array(z.string().min(1)).default([]),
  /** Chinese names of columns the paper labels in pinyin: { 'DIYI PINGLUN': '第一评论' }. */
  columns: z.record(z.string()).default({}),
});

export const archiveConfigSchema = z.object({
  /** The archive's name in the page header and titles. */
  name: z.string().min(1),
  /** One line on what the archive holds, for the home page and feeds. */
  description: z.string().min(1),
  /** Absolute base URL the site is served from, used for canonical links, the sitemap and feeds. */
  site: z.string().url(),
  /** Path prefix when the archive is not at the root of its host ('/' otherwise). */
  base: z.string().startsWith('/').default('/'),
  publications: z.array(publicationConfigSchema).min(1),
});

export type ArchiveConfig = z.infer<typeof archiveConfigSchema>;
export type PublicationConfig = z.infer<typeof publicationConfigSchema>;

export function defineArchiveConfig(config: z.input<typeof archiveConfigSchema>): ArchiveConfig {
  return archiveConfigSchema.parse(config);
}
