/** The build's account to the archivist: what was read, what was skipped and why. */
import type { IngestResult, Message } from './ingest';

export function formatMessage(message: Message, seedsDir: string): string {
  return `${message.level}: ${seedsDir}/${message.file}:${message.line}: ${message.text}`;
}

export interface Summary {
  pagesRead: number;
  pagesSkipped: number;
  articles: number;
  notes: number;
  warnings: number;
  errors: number;
}

export function summarise(result: IngestResult): Summary {
  const messages = [...result.messages, ...result.pages.flatMap((page) => page.messages)];
  return {
    pagesRead: result.pages.filter((page) => page.ok).length,
    pagesSkipped: result.pages.filter((page) => !page.ok).length,
    articles: result.pages.reduce((sum, page) => sum + page.summaries.length, 0),
    notes: messages.filter((message) => message.level === 'note').length,
    warnings: messages.filter((message) => message.level === 'warning').length,
    errors: messages.filter((message) => message.level === 'error').length,
  };
}

export function reportLines(result: IngestResult, seedsDir: string): string[] {
  const messages = [...result.messages, ...result.pages.flatMap((page) => page.messages)];
  const summary = summarise(result);
  const skipped = result.pages.filter((page) => !page.ok);
  return [
    ...messages.map((message) => formatMessage(message, seedsDir)),
    `Read ${summary.pagesRead} of ${result.pages.length} pages: ${summary.articles} articles; ${summary.errors} errors, ${summary.warnings} warnings, ${summary.notes} notes on defects of the printed pages.`,
    ...(skipped.length > 0
      ? [
          `Skipped ${skipped.length} pages (their articles are not in the site): ${skipped.map((page) => page.file).join(', ')}`,
        ]
      : []),
  ];
}
