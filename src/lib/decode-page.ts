/**
 * Page files arrive as bytes from whatever tool extracted them: UTF-8 with or without a
 * byte-order mark, UTF-16, or GBK/GB18030 from older Chinese software. Decoding is
 * strict — a wrong guess would publish mojibake — and a file that is not text is
 * refused with the line where it stops being text.
 */
/** Something the archivist should know about how the file was read, with the line it concerns. */
export interface DecodeNote {
  line: number;
  text: string;
}

export type DecodedPage =
  { ok: true; text: string; encoding: string; notes: DecodeNote[] } | { ok: false; reason: string; line: number };

function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset && index < bytes.length; index++) if (bytes[index] === 0x0a) line++;
  return line;
}

function tryDecode(encoding: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Offset of the first byte that breaks UTF-8, for the error message. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let low = 0;
  let high = bytes.length;
  // Binary search on the longest valid prefix (allowing a sequence cut at the end).
  while (high - low > 4) {
    const middle = (low + high) >> 1;
    const prefix = bytes.subarray(0, middle);
    const valid = [0, 1, 2, 3].some((cut) => tryDecode('utf-8', prefix.subarray(0, middle - cut)) !== undefined);
    if (valid) low = middle;
    else high = middle;
  }
  return low;
}

const CONTROL = /[\u0000-\u0008\u000E-\u001F]/gu;

/**
 * Where the text stops looking like text: a NUL, or control characters (other than tab
 * and line ends) making up more than 1% of it. A stray control character in real text is
 * kept and shown; a binary file is refused. Returns -1 for text.
 */
function binaryAt(text: string): number {
  const nul = text.indexOf('\u0000');
  if (nul >= 0) return nul;
  const controls = [...text.matchAll(CONTROL)];
  return controls.length >= 4 && controls.length > text.length / 100 ? (controls[0]?.index ?? 0) : -1;
}

/**
 * Control characters cannot appear in XML (the RSS feed, the sitemap) and mean nothing on
 * a page: page and line feeds (pdftotext's page break, Word's soft return) become line
 * breaks; any other is shown as its Unicode control picture (U+0007 → ␇), so the
 * character stays visible and counted. Noncharacters become the replacement character.
 */
function showControls(text: string): { text: string; notes: DecodeNote[] } {
  const notes: DecodeNote[] = [];
  const shown = text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/gu, (char, offset: number) => {
    const code = char.charCodeAt(0);
    const replacement =
      code === 0x0b || code === 0x0c
        ? '\n'
        : code === 0x7f
          ? '\u2421'
          : code < 0x20
            ? String.fromCharCode(0x2400 + code)
            : '\uFFFD';
    if (notes.length < 5) {
      notes.push({
        line: lineOfChar(text, offset),
        text: `control character U+${code.toString(16).toUpperCase().padStart(4, '0')} ${replacement === '\n' ? 'read as a line break' : `shown as ${replacement}`}`,
      });
    }
    return replacement;
  });
  return { text: shown, notes };
}

function lineOfChar(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

export function decodePage(bytes: Uint8Array): DecodedPage {
  if (bytes.length === 0) return { ok: false, reason: 'the file is empty', line: 1 };
  const notes: DecodeNote[] = [];
  let text: string | undefined;
  let encoding = 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    text = tryDecode(encoding, bytes);
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    text = tryDecode(encoding, bytes);
  } else {
    text = tryDecode('utf-8', bytes);
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
      notes.push({ line: 1, text: 'a UTF-8 byte-order mark was removed' });
    if (text === undefined) {
      const gb = tryDecode('gb18030', bytes);
      if (gb !== undefined && binaryAt(gb) < 0 && /\p{Script=Han}/u.test(gb)) {
        encoding = 'gb18030';
        text = gb;
        notes.push({ line: 1, text: 'decoded as GB18030/GBK, not UTF-8; consider re-saving the file as UTF-8' });
      } else {
        const offset = firstInvalidUtf8(bytes);
        return {
          ok: false,
          reason: `not UTF-8 text (invalid byte 0x${(bytes[offset] ?? 0).toString(16).padStart(2, '0')} at byte ${offset}) nor GBK/GB18030; save the page as UTF-8`,
          line: lineOfByte(bytes, offset),
        };
      }
    }
  }
  if (text === undefined)
    return { ok: false, reason: `the ${encoding} byte-order mark is followed by invalid text`, line: 1 };
  text = text.replace(/^\uFEFF/u, '');
  const control = binaryAt(text);
  if (control >= 0) {
    return {
      ok: false,
      reason: `binary data, not text (control character U+${text.charCodeAt(control).toString(16).toUpperCase().padStart(4, '0')}); the file is not an extracted page`,
      line: lineOfChar(text, control),
    };
  }
  if (/\r/u.test(text)) notes.push({ line: 1, text: 'Windows (CRLF) or old Mac (CR) line ends were normalised' });
  text = text.replace(/\r\n?/gu, '\n');
  const shown = showControls(text);
  text = shown.text;
  notes.push(...shown.notes);
  if (text.trim() === '') return { ok: false, reason: 'the file holds only blank lines', line: 1 };
  return { ok: true, text, encoding, notes };
}
