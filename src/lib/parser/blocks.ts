/**
 * The page text as blocks: runs of non-blank lines, each with its source line numbers
 * and the number of blank lines before it. The extraction separates paragraphs with one
 * blank line and leaves three where a picture stood, so a wide gap marks an image.
 */
export interface SourceLine {
  /** 1-based line number in the page file. */
  number: number;
  text: string;
}

export interface Block {
  lines: SourceLine[];
  /** Blank lines between this block and the previous one (or the top of the page). */
  gapBefore: number;
}

/** Blank lines at least this many mark where a picture sat in the layout. */
export const IMAGE_GAP = 2;

export function isBlankLine(line: string): boolean {
  return /^[\s\u3000]*$/u.test(line);
}

/** Normalises line ends (CRLF, CR) and drops a byte-order mark; keeps every other character. */
export function normaliseNewlines(text: string): string {
  return text.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n');
}

export function splitBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let current: SourceLine[] = [];
  let gap = 0;
  let gapBeforeCurrent = 0;
  normaliseNewlines(text)
    .split('\n')
    .forEach((raw, index) => {
      if (isBlankLine(raw)) {
        if (current.length > 0) {
          blocks.push({ lines: current, gapBefore: gapBeforeCurrent });
          current = [];
          gap = 0;
        }
        gap++;
        return;
      }
      if (current.length === 0) gapBeforeCurrent = gap;
      current.push({ number: index + 1, text: raw.trim() });
    });
  if (current.length > 0) blocks.push({ lines: current, gapBefore: gapBeforeCurrent });
  return blocks;
}

export function blockText(block: Block, separator = ''): string {
  return block.lines.map((line) => line.text).join(separator);
}

export function firstLine(block: Block): number {
  return block.lines[0]?.number ?? 1;
}

export function lastLine(block: Block): number {
  return block.lines[block.lines.length - 1]?.number ?? 1;
}
