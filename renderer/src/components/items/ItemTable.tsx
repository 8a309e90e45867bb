import './item-table.css';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import type { ItemPages, ListRow as ItemRow } from '../../hooks/use-item-pages';
import type { RowSelection } from '../../hooks/use-row-selection';
import type { ItemColumn, SortField } from './columns';
import { ColumnHeader } from './ColumnHeader';
import { fitColumns } from './fit-columns';

const ROW_HEIGHT = 30;
const HEAD_HEIGHT = 32;

export interface SortState {
  field: SortField;
  desc: boolean;
}

interface Props {
  label: string;
  columns: readonly ItemColumn[];
  pages: ItemPages;
  /** Changes when the query changes: the table scrolls back to the top. */
  queryKey: string;
  sort: SortState;
  onSort(field: SortField): void;
  onResize(key: string, width: number): void;
  onOpen(row: ItemRow): void;
  /** Row checkboxes for bulk edits (click, shift-click range). */
  selection?: RowSelection;
}

const CHECK_WIDTH = 34;

function CheckCell({ index, row, selection, idAt }: { index: number; row: ItemRow | undefined; selection: RowSelection; idAt: (i: number) => number | undefined }) {
  const on = !!row && selection.has(row.id);
  return (
    <div role="gridcell" className="qd-cell qd-check-cell" style={{ width: CHECK_WIDTH }} onClick={(e) => e.stopPropagation()}>
      <input
        type="checkbox"
        aria-label={`选择第 ${index + 1} 行`}
        checked={on}
        disabled={!row}
        onChange={() => undefined}
        onClick={(e) => selection.click(index, e.shiftKey, idAt)}
      />
    </div>
  );
}

function Cells({ row, columns }: { row: ItemRow | undefined; columns: readonly ItemColumn[] }) {
  return columns.map((c) => (
    <div
      key={c.key}
      role="gridcell"
      className={row ? 'qd-cell' : 'qd-cell qd-loading-cell'}
      data-align={c.align}
      style={{ width: c.width }}
      title={row && c.text ? c.text(row) : undefined}
    >
      {row ? c.render(row) : '…'}
    </div>
  ));
}

/** The inner width of an element (0 until measured), following its resizes. */
function useClientWidth(ref: RefObject<HTMLDivElement | null>): number {
  const [w, setW] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setW(el.clientWidth));
    ro.observe(el);
    setW(el.clientWidth);
    return () => ro.disconnect();
  }, [ref]);
  return w;
}

/** The list table: virtualized rows, sticky sortable header, resizable columns, arrow keys and Enter. */
export function ItemTable({ label, columns: chosen, pages, queryKey, sort, onSort, onResize, onOpen, selection }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const [live, setLive] = useState<{ key: string; width: number } | null>(null);
  const avail = useClientWidth(scrollRef);
  const sized = live ? chosen.map((c) => (c.key === live.key ? { ...c, width: live.width } : c)) : chosen;
  // On a small screen (1366×768) the text columns give way so 状态, 亮灯 and 进度 stay in view.
  const columns = fitColumns(sized, avail - (selection ? CHECK_WIDTH : 0), live?.key);
  const resize = (key: string, w: number, done: boolean) => {
    setLive(done ? null : { key, width: w });
    if (done) onResize(key, w);
  };
  const count = pages.total ?? 0;
  const width = columns.reduce((n, c) => n + c.width, 0) + (selection ? CHECK_WIDTH : 0);
  const idAt = (i: number) => pages.rowAt(i)?.id;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 15,
    scrollPaddingStart: HEAD_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  const { ensure } = pages;
  useEffect(() => ensure(first, last), [first, last, ensure]);
  useEffect(() => {
    setActive(0);
    scrollRef.current?.scrollTo({ top: 0 });
  }, [queryKey]);

  function move(to: number) {
    const next = Math.max(0, Math.min(count - 1, to));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if ((e.target as HTMLElement) !== scrollRef.current || count === 0) return;
    const pageRows = Math.max(1, items.length - 2);
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(active + 1),
      ArrowUp: () => move(active - 1),
      PageDown: () => move(active + pageRows),
      PageUp: () => move(active - pageRows),
      Home: () => move(0),
      End: () => move(count - 1),
      Enter: () => {
        const row = pages.rowAt(active);
        if (row) onOpen(row);
      },
    };
    const act = keys[e.key];
    if (act) (e.preventDefault(), act());
  }

  return (
    <div
      ref={scrollRef}
      className="qd-table qd-grid"
      role="grid"
      aria-label={label}
      aria-rowcount={count + 1}
      aria-activedescendant={count ? `qd-row-${active}` : undefined}
      aria-multiselectable={selection ? true : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <div role="rowgroup" className="qd-grid-head" style={{ width }}>
        <div role="row" style={{ display: 'flex' }}>
          {selection && <div role="columnheader" aria-label="选择" className="qd-cell qd-check-cell" style={{ width: CHECK_WIDTH }} />}
          {columns.map((c) => (
            <ColumnHeader key={c.key} column={c} sort={sort} onSort={onSort} onResize={resize} />
          ))}
        </div>
      </div>
      <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), width, position: 'relative' }}>
        {items.map((v) => {
          const row = pages.rowAt(v.index);
          return (
            <div
              key={v.key}
              id={`qd-row-${v.index}`}
              role="row"
              aria-rowindex={v.index + 2}
              aria-selected={selection ? !!row && selection.has(row.id) : v.index === active}
              className="qd-vrow"
              data-odd={v.index % 2 === 1}
              data-active={v.index === active}
              data-checked={!!row && !!selection?.has(row.id)}
              style={{ height: v.size, width, transform: `translateY(${v.start}px)` }}
              onClick={() => (setActive(v.index), row && onOpen(row))}
            >
              {selection && <CheckCell index={v.index} row={row} selection={selection} idAt={idAt} />}
              <Cells row={row} columns={columns} />
            </div>
          );
        })}
      </div>
    </div>
  );
}
