/**
 * The part of CBOR (RFC 8949) that Pagefind's index files use: unsigned and negative
 * integers, byte and text strings, arrays and maps, all of definite length. Encoding
 * writes the shortest form, as Pagefind's encoder does, so an unchanged value encodes
 * back to the same bytes.
 */
export type CborValue = number | string | Uint8Array | CborValue[] | Map<CborValue, CborValue>;

export function decodeCbor(bytes: Uint8Array): CborValue {
  let offset = 0;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = (info: number): number => {
    if (info < 24) return info;
    const size = info - 24;
    if (size > 3) throw new Error(`CBOR: unsupported length form ${info} at byte ${offset}`);
    const value =
      size === 0
        ? view.getUint8(offset)
        : size === 1
          ? view.getUint16(offset)
          : size === 2
            ? view.getUint32(offset)
            : Number(view.getBigUint64(offset));
    offset += 2 ** size;
    return value;
  };
  const item = (): CborValue => {
    const head = bytes[offset++];
    if (head === undefined) throw new Error('CBOR: unexpected end');
    const [major, info] = [head >> 5, head & 31];
    if (info === 31) throw new Error(`CBOR: indefinite length at byte ${offset - 1}`);
    const count = length(info);
    switch (major) {
      case 0:
        return count;
      case 1:
        return -1 - count;
      case 2:
      case 3: {
        const slice = bytes.subarray(offset, offset + count);
        offset += count;
        return major === 2 ? slice : new TextDecoder('utf-8', { fatal: true }).decode(slice);
      }
      case 4:
        return Array.from({ length: count }, item);
      case 5: {
        const map = new Map<CborValue, CborValue>();
        for (let index = 0; index < count; index++) map.set(item(), item());
        return map;
      }
      default:
        throw new Error(`CBOR: unsupported major type ${major} at byte ${offset - 1}`);
    }
  };
  const value = item();
  if (offset !== bytes.length) throw new Error(`CBOR: ${bytes.length - offset} bytes after the value`);
  return value;
}

export function encodeCbor(value: CborValue): Uint8Array {
  const chunks: number[] = [];
  const head = (major: number, count: number) => {
    if (count < 24) chunks.push((major << 5) | count);
    else if (count < 0x100) chunks.push((major << 5) | 24, count);
    else if (count < 0x10000) chunks.push((major << 5) | 25, count >> 8, count & 0xff);
    else if (count < 0x100000000)
      chunks.push((major << 5) | 26, ...[24, 16, 8, 0].map((shift) => (count >>> shift) & 0xff));
    else throw new Error(`CBOR: ${count} is too large`);
  };
  const bytes = (data: Uint8Array) => {
    for (const byte of data) chunks.push(byte);
  };
  const item = (part: CborValue) => {
    if (typeof part === 'number') {
      if (!Number.isInteger(part)) throw new Error(`CBOR: ${part} is not an integer`);
      if (part >= 0) head(0, part);
      else head(1, -1 - part);
    } else if (typeof part === 'string') {
      const text = new TextEncoder().encode(part);
      head(3, text.length);
      bytes(text);
    } else if (part instanceof Uint8Array) {
      head(2, part.length);
      bytes(part);
    } else if (Array.isArray(part)) {
      head(4, part.length);
      for (const element of part) item(element);
    } else {
      head(5, part.size);
      for (const [key, element] of part) {
        item(key);
        item(element);
      }
    }
  };
  item(value);
  return Uint8Array.from(chunks);
}
