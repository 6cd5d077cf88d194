/**
 * Ascending lists of numbers (records, articles) intersected by walking them side by side,
 * led by the shortest: the values every list holds, ascending, and for each list the row
 * where it holds each of them.
 */
export function intersectAscending(lists: ReadonlyArray<ArrayLike<number>>): {
  values: Float64Array;
  rows: Int32Array[];
} {
  if (lists.length === 0) return { values: new Float64Array(0), rows: [] };
  const order = lists.map((_, index) => index).sort((a, b) => lists[a]!.length - lists[b]!.length);
  const [shortestIndex, ...others] = order;
  const shortest = lists[shortestIndex!]!;
  const values = new Float64Array(shortest.length);
  const rows = lists.map(() => new Int32Array(shortest.length));
  const cursors = lists.map(() => 0);
  let length = 0;
  for (let row = 0; row < shortest.length; row++) {
    const value = shortest[row]!;
    let everywhere = true;
    for (const index of others) {
      const list = lists[index]!;
      let cursor = cursors[index]!;
      while (cursor < list.length && list[cursor]! < value) cursor++;
      cursors[index] = cursor;
      if (list[cursor] !== value) {
        everywhere = false;
        break;
      }
    }
    if (!everywhere) continue;
    values[length] = value;
    rows[shortestIndex!]![length] = row;
    for (const index of others) rows[index]![length] = cursors[index]!;
    length++;
  }
  return { values: values.subarray(0, length), rows: rows.map((row) => row.subarray(0, length)) };
}
