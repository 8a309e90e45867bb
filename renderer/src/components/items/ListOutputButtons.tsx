import { Button, Tooltip } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useState } from 'react';
import { EXPORT_COLUMNS, type ExportColumn } from '../../../../shared/contract/schemas/exchange';
import { ITEM_KIND_LABELS } from '../../../../shared/contract/schemas/items';
import { call } from '../../api/client';
import { notifyError, notifyOk } from '../../app/notify';
import { saveBytes } from '../../platform/files';
import { itemsPrintHash } from '../../print/print-route';
import type { ItemFilterQuery } from '../../hooks/use-item-pages';

/** List column key → export column (lights and the like have none: the export writes what Excel can hold). */
const EXPORT_OF: Readonly<Record<string, ExportColumn>> = {
  plan: 'planTitle',
  section: 'sectionName',
  deadline: 'deadlineText',
  updated: 'updatedAt',
  comparator: 'target',
  targetValue: 'target',
  targetUnit: 'target',
};

/** The export columns for the visible list columns, in their order, without repeats. */
export function exportColumnsOf(keys: readonly string[]): ExportColumn[] {
  const known = new Set<string>(EXPORT_COLUMNS);
  const out = keys.map((k) => EXPORT_OF[k] ?? (known.has(k) ? (k as ExportColumn) : null)).filter((c): c is ExportColumn => c !== null);
  return [...new Set(out)];
}

/**
 * 导出Excel and 打印 for a list exactly as shown: its filter, order and visible columns.
 * Ctrl+P opens the print preview. A light filter (a set of ids) cannot travel in a print address,
 * so the print then says so and prints the filter without it.
 */
export function ListOutputButtons({ query, columns, hasLightFilter }: { query: ItemFilterQuery; columns: readonly string[]; hasLightFilter: boolean }) {
  const [busy, setBusy] = useState(false);
  const label = `${ITEM_KIND_LABELS[query.kind]}清单`;

  function print() {
    const { ids: _ids, levels: _levels, ...rest } = query;
    location.hash = itemsPrintHash({ ...rest, columns, title: label });
  }

  async function exportXlsx() {
    setBusy(true);
    try {
      const file = await call('export:list', { query: { ...query, offset: 0, limit: 100000 }, columns: exportColumnsOf(columns), title: label });
      if (await saveBytes(file.fileName, file.bytes)) notifyOk(`已导出 ${file.fileName}`);
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  }

  useHotkeys([['mod+P', print]], []);
  return (
    <>
      <Button size="xs" variant="default" loading={busy} onClick={() => void exportXlsx()}>
        导出Excel
      </Button>
      <Tooltip label={hasLightFilter ? '打印不含亮灯筛选' : 'Ctrl+P'}>
        <Button size="xs" variant="default" onClick={print}>
          打印
        </Button>
      </Tooltip>
    </>
  );
}
