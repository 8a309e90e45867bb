/** One header cell to write: its label and the 0-based range it covers (inclusive). */
export interface HeaderCell {
  readonly label: string;
  readonly row: number;
  readonly col: number;
  readonly toRow: number;
  readonly toCol: number;
}

const samePrefix = (a: readonly string[], b: readonly string[], upTo: number) => a.slice(0, upTo + 1).join('\u0001') === b.slice(0, upTo + 1).join('\u0001');

/**
 * Lays out a multi-level header from column paths: a group label (责任单位) spans its adjacent
 * columns that share the path so far; a leaf shorter than the deepest path spans down to the last
 * header row. Rows and columns are 0-based offsets inside the header block.
 */
export function layoutHeader(paths: readonly (readonly string[])[]): { depth: number; cells: HeaderCell[] } {
  const depth = Math.max(1, ...paths.map((p) => p.length));
  const cells: HeaderCell[] = [];
  for (let level = 0; level < depth; level++) {
    let col = 0;
    while (col < paths.length) {
      const path = paths[col];
      if (path.length <= level) {
        col++;
        continue;
      }
      const isLeaf = path.length === level + 1;
      let end = col;
      if (!isLeaf) {
        while (end + 1 < paths.length && paths[end + 1].length > level + 1 && samePrefix(paths[end + 1], path, level)) end++;
      }
      cells.push({ label: path[level], row: level, col, toRow: isLeaf ? depth - 1 : level, toCol: end });
      col = end + 1;
    }
  }
  return { depth, cells };
}
