import { describe, expect, test } from 'vitest';
import { decodePage } from '../src/lib/decode-page';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decoding a page file', () => {
  test('UTF-8 text is read as it is', () => {
    expect(decodePage(utf8('标题\n\n正文。'))).toMatchObject({ ok: true, text: '标题\n\n正文。', encoding: 'utf-8' });
  });

  test('a byte-order mark is dropped and noted', () => {
    const result = decodePage(utf8('\uFEFF标题\n\n正文。'));
    expect(result).toMatchObject({ ok: true, text: '标题\n\n正文。' });
    expect(result.ok && result.notes.map((note) => note.text).join()).toContain('byte-order mark');
  });

  test('CRLF line ends become LF', () => {
    expect(decodePage(utf8('标题\r\n\r\n正文。\r\n'))).toMatchObject({ ok: true, text: '标题\n\n正文。\n' });
  });

  test('a GBK file is decoded and the archivist told to re-save it', () => {
    // 平湖日报 in GBK.
    const result = decodePage(new Uint8Array([0xc6, 0xbd, 0xba, 0xfe, 0xc8, 0xd5, 0xb1, 0xa8, 0x0a]));
    expect(result).toMatchObject({ ok: true, text: '平湖日报\n', encoding: 'gb18030' });
    expect(result.ok && result.notes.map((note) => note.text).join()).toContain('GB18030');
  });

  test('UTF-16 with its byte-order mark is read', () => {
    const bytes = new Uint8Array([
      0xff,
      0xfe,
      ...new Uint8Array(new Uint16Array([...'标题'].map((c) => c.charCodeAt(0))).buffer),
    ]);
    expect(decodePage(bytes)).toMatchObject({ ok: true, text: '标题', encoding: 'utf-16le' });
  });

  test('an empty file is refused', () => {
    expect(decodePage(new Uint8Array())).toEqual({ ok: false, reason: 'the file is empty', line: 1 });
  });

  test('a file of blank lines is refused', () => {
    expect(decodePage(utf8('\n \n\u3000\n'))).toMatchObject({ ok: false, reason: 'the file holds only blank lines' });
  });

  test('a binary file is refused with the line where it stops being text', () => {
    const result = decodePage(utf8('标题\n正文\n\u0000\u0001\u0002\u0003'));
    expect(result).toMatchObject({ ok: false, line: 3 });
    expect(!result.ok && result.reason).toContain('binary');
  });

  test('bytes that are neither UTF-8 nor GBK are refused with their line', () => {
    const result = decodePage(new Uint8Array([...utf8('第一行\n第二行\n'), 0xff, 0xff, 0xff, 0x00]));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.line).toBe(3);
  });

  test('a stray control character in real text is kept visible as its control picture, and noted', () => {
    const result = decodePage(utf8('标题\n\n正\u0007文。'));
    expect(result).toMatchObject({ ok: true, text: '标题\n\n正\u2407文。' });
    expect(result.ok && result.notes).toEqual([{ line: 3, text: 'control character U+0007 shown as ␇' }]);
  });

  test('a form feed between extracted pages is read as a line break', () => {
    expect(decodePage(utf8('第一段。\f第二段。'))).toMatchObject({ ok: true, text: '第一段。\n第二段。' });
  });
});
