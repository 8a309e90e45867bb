import { useCallback, useMemo, useState } from 'react';
import type { ItemKind } from '../../../shared/contract/schemas/items';
import { COLUMNS, type ItemColumn } from '../components/items/columns';

interface Prefs {
  hidden: string[];
  shown: string[];
  widths: Record<string, number>;
}

const storageKey = (kind: ItemKind) => `qingdan-columns-${kind}`;

function load(kind: ItemKind): Prefs {
  try {
    const raw = localStorage.getItem(storageKey(kind));
    const p = raw ? (JSON.parse(raw) as Partial<Prefs>) : {};
    return { hidden: p.hidden ?? [], shown: p.shown ?? [], widths: p.widths ?? {} };
  } catch {
    return { hidden: [], shown: [], widths: {} };
  }
}

/** Column choice and widths of one list, kept in localStorage per kind. */
export interface ColumnPrefs {
  /** Every column of the kind, with the user's width. */
  all: readonly ItemColumn[];
  /** The columns shown, in order. */
  visible: readonly ItemColumn[];
  isVisible(key: string): boolean;
  toggle(key: string): void;
  setWidth(key: string, width: number): void;
  reset(): void;
}

export function useColumnPrefs(kind: ItemKind): ColumnPrefs {
  const [prefs, setPrefs] = useState<Prefs>(() => load(kind));
  const save = useCallback(
    (next: Prefs) => {
      setPrefs(next);
      localStorage.setItem(storageKey(kind), JSON.stringify(next));
    },
    [kind],
  );
  const all = useMemo(() => COLUMNS[kind].map((c) => ({ ...c, width: prefs.widths[c.key] ?? c.width })), [kind, prefs.widths]);
  const isVisible = useCallback(
    (key: string) => {
      const c = COLUMNS[kind].find((x) => x.key === key);
      return c?.hidden ? prefs.shown.includes(key) : !prefs.hidden.includes(key);
    },
    [kind, prefs],
  );
  const visible = useMemo(() => all.filter((c) => isVisible(c.key)), [all, isVisible]);
  const toggle = useCallback(
    (key: string) => {
      const flip = (list: string[]) => (list.includes(key) ? list.filter((k) => k !== key) : [...list, key]);
      const c = COLUMNS[kind].find((x) => x.key === key);
      save(c?.hidden ? { ...prefs, shown: flip(prefs.shown) } : { ...prefs, hidden: flip(prefs.hidden) });
    },
    [kind, prefs, save],
  );
  const setWidth = useCallback((key: string, width: number) => save({ ...prefs, widths: { ...prefs.widths, [key]: Math.round(width) } }), [prefs, save]);
  const reset = useCallback(() => save({ hidden: [], shown: [], widths: {} }), [save]);
  return { all, visible, isVisible, toggle, setWidth, reset };
}
