import { Badge, Button, Table, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import type { Batch } from '../../../../shared/contract/schemas/imports';
import { call } from '../../api/client';
import { notifyError, notifyOk } from '../../app/notify';
import { localTime } from './format-time';

const KINDS: Record<string, string> = { seed: '示例数据', import: '导入', returns: '报送回收', 'report-up': '上报', bulk: '批量修改' };

function confirmUndo(b: Batch, onUndone: () => void): void {
  modals.openConfirmModal({
    title: `撤销导入批次 #${b.id}？`,
    children: (
      <Text size="sm">
        「{b.fileName}」于 {localTime(b.createdAt)} 导入的 {b.counts.new ?? 0} 条新增、{b.counts.changed ?? 0} 条更新将全部撤回，数据库回到导入之前的样子。
        若这些条目导入后又被修改过，将不能撤销。
      </Text>
    ),
    labels: { confirm: '撤销', cancel: '取消' },
    confirmProps: { color: 'red' },
    onConfirm: async () => {
      try {
        await call('imports:undo', { batchId: b.id });
        notifyOk(`已撤销批次 #${b.id}（${b.fileName}）`);
        onUndone();
      } catch (e) {
        notifyError(e);
      }
    },
  });
}

/** Import batches, newest first, each undoable (after a confirmation). */
export function BatchesPanel({ batches, onUndone }: { batches: readonly Batch[]; onUndone(): void }) {
  if (!batches.length) return <Text size="sm" c="dimmed">还没有导入批次。</Text>;
  return (
    <Table striped withTableBorder fz="sm" verticalSpacing={3} aria-label="导入批次">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={60}>批次</Table.Th>
          <Table.Th w={150}>时间</Table.Th>
          <Table.Th w={90}>类型</Table.Th>
          <Table.Th>文件</Table.Th>
          <Table.Th w={170}>内容</Table.Th>
          <Table.Th w={170}>状态</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {batches.map((b) => (
          <Table.Tr key={b.id} data-testid="batch-row">
            <Table.Td>#{b.id}</Table.Td>
            <Table.Td>{localTime(b.createdAt)}</Table.Td>
            <Table.Td>{KINDS[b.kind] ?? b.kind}</Table.Td>
            <Table.Td style={{ wordBreak: 'break-all' }}>{b.fileName}</Table.Td>
            <Table.Td>新增 {b.counts.new ?? 0} · 更新 {b.counts.changed ?? 0}</Table.Td>
            <Table.Td>
              {b.undoneAt ? (
                <Badge variant="light" color="gray" styles={{ label: { textTransform: 'none' } }}>已撤销 {localTime(b.undoneAt).slice(5)}</Badge>
              ) : (
                <Button size="compact-xs" variant="light" color="red" aria-label={`撤销批次 #${b.id}`} onClick={() => confirmUndo(b, onUndone)}>
                  撤销
                </Button>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
