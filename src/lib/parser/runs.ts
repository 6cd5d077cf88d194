/**
 * Finding where articles start. A headline is a run of one to three heading blocks that
 * something vouches for: a byline right after it, a speaker line (●…发言), a bare-name
 * signature, a 本报讯 dateline, or a photo caption followed by the photographer's credit.
 */
import type { Block } from './blocks';
import { blockText } from './blocks';
import type { Tag } from './classify';
import { DATELINE } from './paragraphs';

export type AnchorType = 'byline' | 'speaker' | 'signature' | 'dateline' | 'photo';

export interface HeadlineRun {
  /** Indexes of the heading blocks, in order. */
  headings: number[];
  type: AnchorType;
  /** The block that vouches for the run (byline, speaker, signature, dateline paragraph, credit). */
  anchor: number;
  /** For a photo item: its caption block. */
  caption?: number;
}

const MAX_DECKS = 3;

/** Heading blocks directly before `end` (exclusive); all but the nearest must read as headings. */
function headingsBefore(tags: readonly Tag[], end: number): number[] {
  const run: number[] = [];
  for (let index = end - 1; index >= 0 && run.length < MAX_DECKS; index--) {
    const tag = tags[index];
    if (tag?.kind !== 'heading') break;
    if (run.length > 0 && !tag.strong) break;
    run.unshift(index);
  }
  return run;
}

function anchorAt(blocks: readonly Block[], tags: readonly Tag[], index: number): HeadlineRun | null {
  const tag = tags[index];
  const previous = tags[index - 1];
  if (!tag) return null;
  if (tag.kind === 'byline' && !tag.photoCredit && previous?.kind === 'heading') {
    return { headings: headingsBefore(tags, index), type: 'byline', anchor: index };
  }
  if (tag.kind === 'speaker' && previous?.kind === 'heading') {
    return { headings: headingsBefore(tags, index), type: 'speaker', anchor: index };
  }
  if (tag.kind === 'heading' && tag.personName && previous?.kind === 'heading' && tags[index + 1]?.kind === 'prose') {
    return { headings: headingsBefore(tags, index), type: 'signature', anchor: index };
  }
  if (tag.kind === 'prose' && previous?.kind === 'heading' && DATELINE.test(blockText(blocks[index]!))) {
    return { headings: headingsBefore(tags, index), type: 'dateline', anchor: index };
  }
  if (tag.kind === 'byline' && tag.photoCredit && previous?.kind === 'prose' && tags[index - 2]?.kind === 'heading') {
    return { headings: headingsBefore(tags, index - 1), type: 'photo', anchor: index, caption: index - 1 };
  }
  return null;
}

/** Every vouched-for headline run on the page, keyed by its first heading block. */
export function findHeadlineRuns(blocks: readonly Block[], tags: readonly Tag[]): Map<number, HeadlineRun> {
  const runs = new Map<number, HeadlineRun>();
  const claimed = new Set<number>();
  tags.forEach((_, index) => {
    const run = anchorAt(blocks, tags, index);
    if (!run || run.headings.length === 0) return;
    const headings = run.headings.filter((heading) => !claimed.has(heading));
    if (headings.length === 0) return;
    headings.forEach((heading) => claimed.add(heading));
    runs.set(headings[0]!, { ...run, headings });
  });
  return runs;
}
