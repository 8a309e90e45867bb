import type { PointerEvent } from 'react';
import type { ItemColumn, SortField } from './columns';
import type { SortState } from './ItemTable';

const MIN_WIDTH = 48;

interface Props {
  column: ItemColumn;
  sort: SortState;
  onSort(field: SortField): void;
  /** Called while dragging (done=false) and once when the drag ends (done=true). */
  onResize(key: string, width: number, done: boolean): void;
}

/** A header cell: a sort button (when the column sorts) and a drag handle on its right edge. */
export function ColumnHeader({ column, sort, onSort, onResize }: Props) {
  const sorted = column.sort !== undefined && sort.field === column.sort;
  const ariaSort = sorted ? (sort.desc ? 'descending' : 'ascending') : 'none';

  function startResize(e: PointerEvent<HTMLSpanElement>) {
    e.preventDefault();
    e.stopPropagation();
    const startX = e.clientX;
    const startWidth = column.width;
    const target = e.currentTarget;
    target.setPointerCapture(e.pointerId);
    let latest = startWidth;
    const onMove = (ev: globalThis.PointerEvent) => {
      latest = Math.max(MIN_WIDTH, startWidth + ev.clientX - startX);
      onResize(column.key, latest, false);
    };
    const onUp = () => {
      target.removeEventListener('pointermove', onMove);
      target.removeEventListener('pointerup', onUp);
      onResize(column.key, latest, true);
    };
    target.addEventListener('pointermove', onMove);
    target.addEventListener('pointerup', onUp);
  }

  return (
    <div role="columnheader" aria-sort={column.sort ? ariaSort : undefined} className="qd-cell qd-head" style={{ width: column.width }}>
      <button
        type="button"
        className="qd-sort-btn"
        data-sortable={column.sort !== undefined}
        tabIndex={column.sort ? 0 : -1}
        title={column.sort ? `按“${column.label}”排序` : column.label}
        onClick={() => column.sort && onSort(column.sort)}
      >
        {column.label}
        {sorted && <span className="qd-sort-mark" aria-hidden>{sort.desc ? '▼' : '▲'}</span>}
      </button>
      <span className="qd-resizer" aria-hidden onPointerDown={startResize} onClick={(e) => e.stopPropagation()} />
    </div>
  );
}
