import { Badge, Button, Stack, Table, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useEffect, useState } from 'react';
import type { Batch } from '../../../../shared/contract/schemas/imports';
import { call } from '../../api/client';
import { notifyError, notifyOk } from '../../app/notify';

const SHOWN = 5;

function countsText(c: Batch['counts']): string {
  const n = (k: string) => c[k] ?? 0;
  return `新报送 ${n('newReports')}，更新报送 ${n('changedReports')}，条目更新 ${n('itemUpdates')}，冲突保留本办 ${n('keptMine')} / 采用报送 ${n('tookTheirs')}`;
}

/** The latest returns batches, each undoable (as on the 导入 page), so a wrong apply can be taken back later too. */
export function ReturnBatches({ stamp, onUndone }: { stamp: number; onUndone(): Promise<void> }) {
  const [batches, setBatches] = useState<Batch[]>([]);
  const [busy, setBusy] = useState<number | null>(null);
  const [reload, setReload] = useState(0);
  useEffect(() => {
    let live = true;
    call('imports:batches', {}).then((all) => live && setBatches(all.filter((b) => b.kind === 'returns').slice(0, SHOWN)), notifyError);
    return () => {
      live = false;
    };
  }, [stamp, reload]);

  function askUndo(b: Batch) {
    modals.openConfirmModal({
      title: '撤销这批报送导入',
      children: <Text size="sm">撤销「{b.fileName}」写入的报送和条目更新，恢复到导入前。之后又改过的条目会阻止撤销，并说明是哪一条。</Text>,
      labels: { confirm: '撤销本批', cancel: '取消' },
      confirmProps: { color: 'red' },
      onConfirm: () => void undo(b),
    });
  }

  async function undo(b: Batch) {
    setBusy(b.id);
    try {
      await call('imports:undo', { batchId: b.id });
      notifyOk(`已撤销本批报送导入（${b.sender || b.fileName}），数据恢复到导入前`);
      setReload((n) => n + 1);
      await onUndone();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(null);
    }
  }

  if (!batches.length) return null;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>最近导入的报送</Text>
      <Table withTableBorder withColumnBorders fz="sm" verticalSpacing={3} aria-label="最近导入的报送" data-testid="return-batches">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={150}>导入时间</Table.Th>
            <Table.Th>文件 / 报送单位</Table.Th>
            <Table.Th>结果</Table.Th>
            <Table.Th w={110}>操作</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {batches.map((b) => (
            <Table.Tr key={b.id}>
              <Table.Td>{new Date(b.createdAt).toLocaleString('zh-CN', { hour12: false })}</Table.Td>
              <Table.Td>
                <Text size="sm">{b.fileName}</Text>
                <Text size="xs" c="dimmed">{b.sender}</Text>
              </Table.Td>
              <Table.Td>{countsText(b.counts)}</Table.Td>
              <Table.Td>
                {b.undoneAt ? (
                  <Badge variant="outline" color="gray" radius="sm" size="sm">已撤销</Badge>
                ) : (
                  <Button size="compact-xs" variant="light" color="red" loading={busy === b.id} onClick={() => askUndo(b)}>
                    撤销本批
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
