// Folding child rows (renderings, names, tags…) into lists keyed by their parent's id, as the
// repositories read a parent's children in one query rather than one query per parent.

/** `rows` grouped by `key`, each group holding `value` of its rows in the rows' order. */
export function groupValues<R, T>(
  rows: readonly R[],
  key: (row: R) => string,
  value: (row: R) => T,
): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const list = groups.get(key(row));
    if (list) list.push(value(row));
    else groups.set(key(row), [value(row)]);
  }
  return groups;
}
