import { Button } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useState } from 'react';
import { call } from '../../api/client';
import { notifyError, notifyOk } from '../../app/notify';
import type { ItemFilterQuery } from '../../hooks/use-item-pages';
import { BreakDownPreview } from './BreakDownPreview';

async function breakDown(ids: number[], onDone: () => void): Promise<void> {
  try {
    const r = await call('items:break-down', { upperItemIds: ids });
    notifyOk(`已分解 ${r.created} 项为本级条目${r.skipped ? `，${r.skipped} 项此前已分解，未重复` : ''}（可在“导入”的批次中撤销）`);
    onDone();
  } catch (e) {
    notifyError(e);
  }
}

/**
 * 分解 (break down): the upper-office items the list now shows become linked local items
 * (keeping the upper code, units, deadline and targets), after a confirmation. Breaking down twice adds nothing.
 */
export function BreakDownButton({ query, onDone }: { query: ItemFilterQuery; onDone: () => void }) {
  const [busy, setBusy] = useState(false);
  async function ask() {
    setBusy(true);
    try {
      const page = await call('items:list', { ...query, origin: 'upper', offset: 0, limit: 100000 });
      if (!page.total) {
        notifyOk('当前列表中没有上级下发的条目可分解');
        return;
      }
      const ids = page.rows.map((r) => r.id);
      const preview = await call('items:break-down-preview', { upperItemIds: ids });
      modals.openConfirmModal({
        title: '分解为本级条目',
        size: 'lg',
        children: <BreakDownPreview total={page.total} preview={preview} />,
        labels: { confirm: `分解 ${page.total} 项`, cancel: '取消' },
        onConfirm: () => void breakDown(ids, onDone),
      });
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Button size="xs" variant="default" loading={busy} disabled={query.origin === 'local'} onClick={() => void ask()}>
      分解
    </Button>
  );
}
