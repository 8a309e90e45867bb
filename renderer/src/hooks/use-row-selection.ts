import { useCallback, useEffect, useState } from 'react';

/** Chosen rows of a list: some ids (click, shift-click ranges), or every row the filter finds. */
export interface RowSelection {
  ids: ReadonlySet<number>;
  /** All rows the list's filter finds, across pages (not just the loaded ones). */
  all: boolean;
  has(id: number): boolean;
  /** Click toggles one row; shift-click sets every row from the last clicked one to this one. */
  click(index: number, shift: boolean, idAt: (index: number) => number | undefined): void;
  selectAll(): void;
  clear(): void;
}

/** Selection that empties itself when the list's query changes. */
export function useRowSelection(queryKey: string): RowSelection {
  const [ids, setIds] = useState<ReadonlySet<number>>(new Set());
  const [all, setAll] = useState(false);
  const [anchor, setAnchor] = useState<number | null>(null);
  const clear = useCallback(() => (setIds(new Set()), setAll(false), setAnchor(null)), []);
  useEffect(clear, [queryKey, clear]);
  const click = useCallback(
    (index: number, shift: boolean, idAt: (index: number) => number | undefined) => {
      setAll(false);
      const id = idAt(index);
      if (id === undefined) return;
      setIds((prev) => {
        const next = new Set(prev);
        if (shift && anchor !== null) {
          const on = prev.has(idAt(anchor) ?? -1);
          for (let i = Math.min(anchor, index); i <= Math.max(anchor, index); i++) {
            const rowId = idAt(i);
            if (rowId !== undefined) (on ? next.add(rowId) : next.delete(rowId));
          }
        } else if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      });
      if (!shift) setAnchor(index);
    },
    [anchor],
  );
  return { ids, all, has: (id) => all || ids.has(id), click, selectAll: () => setAll(true), clear };
}
