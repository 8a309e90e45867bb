import { useCallback, useEffect, useRef, useState } from 'react';
import type { ItemQuery, ItemRow } from '../../../shared/contract/schemas/items';
import type { ItemLight } from '../../../shared/contract/schemas/lights';
import { call } from '../api/client';

/** Rows fetched per request while scrolling. */
export const PAGE_SIZE = 200;

/** A list query without its window (offset/limit are the hook's business). */
export type ItemFilterQuery = Omit<ItemQuery, 'offset' | 'limit'>;

/** A list row with its light (亮灯), once the core has judged it. */
export type ListRow = ItemRow & { light?: ItemLight };

/** A long list read window by window as the user scrolls. */
export interface ItemPages {
  /** Rows matching the query; null until the first answer. */
  total: number | null;
  /** The row at an index, or undefined while its window is loading. */
  rowAt(index: number): ListRow | undefined;
  /** Makes sure the windows covering [start, end] are loaded or on their way. */
  ensure(start: number, end: number): void;
  /** Reads the loaded windows again (after an edit), keeping the old rows on screen meanwhile. */
  reload(): void;
  error: string | null;
  /** Changes whenever rows arrive, for memoised children. */
  version: number;
}

interface Store {
  key: string;
  pages: Map<number, ItemRow[]>;
  stale: Map<number, ItemRow[]>;
  /** Lights by item id; read per page after its rows, so rows never wait for them. */
  lights: Map<number, ItemLight>;
  inflight: Set<number>;
  generation: number;
  lastRange: [number, number];
  timer: ReturnType<typeof setTimeout> | null;
}

/** While the user drags the scrollbar, only the window where the scroll settles is asked for. */
const SETTLE_MS = 60;

/** Windowed fetching over `items:list`: pages of PAGE_SIZE, stale answers dropped. */
export function useItemPages(query: ItemFilterQuery, enabled = true): ItemPages {
  // An empty key fetches nothing (the query is not ready yet).
  const key = enabled ? JSON.stringify(query) : '';
  const store = useRef<Store>({ key: '', pages: new Map(), stale: new Map(), lights: new Map(), inflight: new Set(), generation: 0, lastRange: [0, 0], timer: null });
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  const readLights = useCallback((ids: number[], generation: number) => {
    if (!ids.length) return;
    call('lights:for-items', { ids })
      .then((r) => {
        if (store.current.generation !== generation) return;
        for (const l of Object.values(r.lights)) store.current.lights.set(l.id, l);
        setVersion((v) => v + 1);
      })
      .catch(() => undefined); // a list without lights is still a list
  }, []);

  const fetchPage = useCallback((page: number) => {
    const s = store.current;
    if (!s.key || s.pages.has(page) || s.inflight.has(page)) return;
    s.inflight.add(page);
    const generation = s.generation;
    const q = JSON.parse(s.key) as ItemFilterQuery;
    call('items:list', { ...q, offset: page * PAGE_SIZE, limit: PAGE_SIZE })
      .then((r) => {
        if (store.current.generation !== generation) return;
        s.inflight.delete(page);
        s.pages.set(page, r.rows);
        s.stale.delete(page);
        setTotal(r.total);
        setError(null);
        setVersion((v) => v + 1);
        readLights(r.rows.map((row) => row.id), generation);
      })
      .catch((e: unknown) => {
        if (store.current.generation !== generation) return;
        s.inflight.delete(page);
        setError(e instanceof Error ? e.message : String(e));
      });
  }, [readLights]);

  const flush = useCallback(() => {
    const s = store.current;
    s.timer = null;
    const [start, end] = s.lastRange;
    for (let p = Math.floor(Math.max(0, start) / PAGE_SIZE); p <= Math.floor(Math.max(0, end) / PAGE_SIZE); p++) fetchPage(p);
  }, [fetchPage]);

  const ensure = useCallback(
    (start: number, end: number) => {
      const s = store.current;
      s.lastRange = [start, end];
      if (s.timer) clearTimeout(s.timer);
      s.timer = setTimeout(flush, SETTLE_MS);
    },
    [flush],
  );

  const restart = useCallback(
    (keepStale: boolean) => {
      const s = store.current;
      s.generation++;
      s.stale = keepStale ? new Map([...s.stale, ...s.pages]) : new Map();
      s.pages = new Map();
      s.inflight = new Set();
      flush();
    },
    [flush],
  );

  useEffect(() => () => void (store.current.timer && clearTimeout(store.current.timer)), []);

  useEffect(() => {
    store.current.key = key;
    store.current.lastRange = [0, 0];
    setTotal(null);
    restart(false);
  }, [key, restart]);

  const rowAt = useCallback((index: number) => {
    const page = Math.floor(index / PAGE_SIZE);
    const s = store.current;
    const row = (s.pages.get(page) ?? s.stale.get(page))?.[index % PAGE_SIZE];
    return row && { ...row, light: s.lights.get(row.id) };
  }, []);

  const reload = useCallback(() => restart(true), [restart]);
  return { total, rowAt, ensure, reload, error, version };
}
