import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decodeCbor, encodeCbor, type CborValue } from '../scripts/lib/cbor';

const value: fc.Arbitrary<CborValue> = fc.letrec<{ value: CborValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.integer({ min: -1_000_000, max: 4_000_000_000 }),
    fc.string({ unit: 'grapheme' }),
    fc.uint8Array({ maxLength: 300 }),
    fc.array(tie('value'), { maxLength: 5 }),
  ),
})).value;

describe('the CBOR that Pagefind writes', () => {
  test('reads back what it writes', () => {
    fc.assert(
      fc.property(value, (written) => {
        expect(decodeCbor(encodeCbor(written))).toEqual(written);
      }),
    );
  });

  test('writes the shortest forms, as Pagefind does', () => {
    expect([...encodeCbor(23)]).toEqual([0x17]);
    expect([...encodeCbor(24)]).toEqual([0x18, 24]);
    expect([...encodeCbor(256)]).toEqual([0x19, 1, 0]);
    expect([...encodeCbor(65_536)]).toEqual([0x1a, 0, 1, 0, 0]);
    expect([...encodeCbor(['年', [1, 2]])]).toEqual([0x82, 0x63, 0xe5, 0xb9, 0xb4, 0x82, 1, 2]);
  });

  test('refuses what it does not understand', () => {
    expect(() => decodeCbor(Uint8Array.from([0xf9, 0, 0]))).toThrow(/unsupported/u);
    expect(() => decodeCbor(Uint8Array.from([0x9f, 0xff]))).toThrow(/indefinite/u);
    expect(() => decodeCbor(Uint8Array.from([0x01, 0x02]))).toThrow(/after the value/u);
  });
});
