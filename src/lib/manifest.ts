/**
 * seeds/manifest.json: what the archive knows about each page file that its text does
 * not say outright — the paper, the issue date, the page — with the evidence for each.
 * Entries are checked one by one, so one bad entry is reported and the rest still apply.
 */
import { z } from 'zod';
import { datePrecisionSchema, isoDateSchema, pageRefSchema } from './article';

export const manifestEntrySchema = z
  .object({
    /** The page file's name in seeds/. */
    file: z.string().min(1),
    /** The paper's display name or id, as in archive.config.ts (嘉兴日报 or jxrb). */
    publication: z.string().min(1),
    /** The issue date, reduced to what is known: 2026-01-21, 2026-03 or 2026. */
    date: isoDateSchema,
    datePrecision: datePrecisionSchema,
    /** Page number and name where known. */
    page: pageRefSchema.default({}),
    /** A short key for the page in URLs when its number is unknown (defaults to the file name). */
    key: z
      .string()
      .regex(/^[a-z0-9-]+$/)
      .optional(),
    /** Why each field has the value it has: quotations from the page, reasoning. */
    evidence: z.object({
      publication: z.string().min(1),
      date: z.string().min(1),
      page: z.string().min(1).optional(),
    }),
  })
  .superRefine((entry, context) => {
    const parts = entry.date.split('-').length;
    const expected = { year: 1, month: 2, day: 3 }[entry.datePrecision];
    if (parts !== expected) {
      context.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['date'],
        message: `date ${entry.date} does not match datePrecision "${entry.datePrecision}" (write ${['YYYY', 'YYYY-MM', 'YYYY-MM-DD'][expected - 1]})`,
      });
    }
    if (parts === 3) {
      const day = new Date(`${entry.date}T00:00:00Z`);
      if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== entry.date) {
        context.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['date'],
          message: `${entry.date} is not a calendar date`,
        });
      }
    }
  });

export type ManifestEntry = z.infer<typeof manifestEntrySchema>;

export interface ManifestProblem {
  line: number;
  message: string;
}

export interface Manifest {
  /** Valid entries by file name, with the line each starts on. */
  entries: Map<string, { entry: ManifestEntry; line: number }>;
  problems: ManifestProblem[];
}

/** Line on which each element of the top-level "pages" array starts. */
function elementLines(text: string): number[] {
  const lines: number[] = [];
  let depth = 0;
  let line = 1;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '\n') line++;
    if (inString) {
      if (char === '\\') index++;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') inString = true;
    else if (char === '{' || char === '[') {
      if (depth === 2) lines.push(line);
      depth++;
    } else if (char === '}' || char === ']') depth--;
  }
  return lines;
}

function lineOfPosition(text: string, position: number): number {
  return text.slice(0, position).split('\n').length;
}

function describe(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || 'entry'}: ${issue.message}`).join('; ');
}

/**
 * Reads the manifest. `publicationOf` maps a name or id to the configured publication id,
 * or undefined when the archive has no such paper.
 */
export function parseManifest(text: string, publicationOf: (nameOrId: string) => string | undefined): Manifest {
  const manifest: Manifest = { entries: new Map(), problems: [] };
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/u, ''));
  } catch (error) {
    const position = /position (\d+)/u.exec(String(error))?.[1];
    manifest.problems.push({
      line: position ? lineOfPosition(text, Number(position)) : 1,
      message: `not valid JSON (${(error as Error).message}); no page metadata could be read from it`,
    });
    return manifest;
  }
  const pages = (data as { pages?: unknown })?.pages;
  if (!Array.isArray(pages)) {
    manifest.problems.push({ line: 1, message: 'expected an object with a "pages" array' });
    return manifest;
  }
  const lines = elementLines(text);
  pages.forEach((raw, index) => {
    const line = lines[index] ?? 1;
    const parsed = manifestEntrySchema.safeParse(raw);
    if (!parsed.success) {
      manifest.problems.push({ line, message: `entry ${index + 1} skipped: ${describe(parsed.error)}` });
      return;
    }
    const entry = parsed.data;
    if (publicationOf(entry.publication) === undefined) {
      manifest.problems.push({
        line,
        message: `entry for ${entry.file} skipped: publication "${entry.publication}" is not in archive.config.ts`,
      });
      return;
    }
    const earlier = manifest.entries.get(entry.file);
    if (earlier) {
      manifest.problems.push({
        line,
        message: `a second entry for ${entry.file} (the first is on line ${earlier.line}) was ignored; keep one entry per page file`,
      });
      return;
    }
    manifest.entries.set(entry.file, { entry, line });
  });
  return manifest;
}
