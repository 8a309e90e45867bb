import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useState } from 'react';
import type { Period } from '../../../../shared/contract/schemas/periods';
import { call } from '../../api/client';
import { notifyError, notifyOk } from '../../app/notify';
import { chineseDate } from '../common/date-text';
import { PeriodOpenModal } from './PeriodOpenModal';
import { reportingText } from './use-periods';

interface Props {
  periods: readonly Period[];
  selectedId: number | null;
  onSelect(id: number): void;
  /** After a period was opened, closed or reopened. */
  onChanged(openedId?: number): Promise<void>;
}

function StateBadge({ closed }: { closed: boolean }) {
  return closed ? (
    <Badge variant="outline" color="gray" radius="sm" size="sm">■ 已结束</Badge>
  ) : (
    <Badge variant="light" color="teal" radius="sm" size="sm">● 进行中</Badge>
  );
}

/** 调度期次: every round with dates and reporting; open a new one, close (keeping the lights) or reopen. */
export function PeriodsPanel({ periods, selectedId, onSelect, onChanged }: Props) {
  const [opening, setOpening] = useState(false);

  function askClose(p: Period) {
    modals.openConfirmModal({
      title: `结束期次「${p.name}」`,
      children: (
        <Text size="sm">
          结束后将保存本期每个条目的亮灯快照（供下期比较好转、变差），本期不能再下发模板。已报送的数据保留，需要时可重新打开。
        </Text>
      ),
      labels: { confirm: '结束本期', cancel: '取消' },
      onConfirm: () => void close(p),
    });
  }

  async function close(p: Period) {
    try {
      // Closing takes the period's light snapshot in the same transaction; compare reads it back.
      await call('periods:close', { id: p.id });
      const c = await call('lights:compare', { periodId: p.id });
      const items = c.improved.length + c.worsened.length + c.unchanged + c.added;
      const vs = c.previous ? `较「${c.previous.name}」好转 ${c.improved.length} 项，变差 ${c.worsened.length} 项` : '首期，下期起可比较好转、变差';
      notifyOk(`已结束「${p.name}」，保存亮灯快照 ${items} 项（${vs}）`);
      await onChanged();
    } catch (e) {
      notifyError(e);
    }
  }

  async function reopen(p: Period) {
    try {
      await call('periods:close', { id: p.id, reopen: true });
      notifyOk(`已重新打开「${p.name}」`);
      await onChanged();
    } catch (e) {
      notifyError(e);
    }
  }

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          每一轮调度为一期：开启后下发填报模板，收回报送，催报未报单位，期末结束本期并保存亮灯快照。
        </Text>
        <Button size="xs" onClick={() => setOpening(true)}>
          开启新期次
        </Button>
      </Group>
      {periods.length === 0 ? (
        <Stack gap={4} p="md" align="flex-start">
          <Text fw={600}>还没有调度期次</Text>
          <Text size="sm" c="dimmed">开启第一期（如 2025年第5期，双周），然后到“下发模板”为各单位生成填报模板。</Text>
        </Stack>
      ) : (
        <Table striped highlightOnHover withTableBorder withColumnBorders fz="sm" verticalSpacing={4} aria-label="调度期次" data-testid="periods-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>期次</Table.Th>
              <Table.Th w={70}>周期</Table.Th>
              <Table.Th w={250}>起止日期</Table.Th>
              <Table.Th w={130}>报送截止</Table.Th>
              <Table.Th w={90}>状态</Table.Th>
              <Table.Th w={190}>报送情况（已报 / 下发）</Table.Th>
              <Table.Th w={170}>操作</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {periods.map((p) => (
              <Table.Tr key={p.id} bg={p.id === selectedId ? 'var(--mantine-color-indigo-0)' : undefined}>
                <Table.Th scope="row" fw={p.id === selectedId ? 700 : 500}>{p.name}</Table.Th>
                <Table.Td>{p.kind}</Table.Td>
                <Table.Td>{chineseDate(p.startDate)} 至 {chineseDate(p.endDate)}</Table.Td>
                <Table.Td>{chineseDate(p.dueDate)}</Table.Td>
                <Table.Td><StateBadge closed={p.closed} /></Table.Td>
                <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>{reportingText(p)}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button size="compact-xs" variant="light" disabled={p.id === selectedId} onClick={() => onSelect(p.id)} aria-label={`查看 ${p.name}`}>
                      {p.id === selectedId ? '正在查看' : '查看'}
                    </Button>
                    {p.closed ? (
                      <Button size="compact-xs" variant="subtle" onClick={() => void reopen(p)} aria-label={`重新打开 ${p.name}`}>重新打开</Button>
                    ) : (
                      <Button size="compact-xs" variant="subtle" color="red" onClick={() => askClose(p)} aria-label={`结束 ${p.name}`}>结束本期</Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <PeriodOpenModal
        opened={opening}
        periods={periods}
        onClose={() => setOpening(false)}
        onOpened={(p) => (setOpening(false), notifyOk(`已开启「${p.name}」，报送截止 ${chineseDate(p.dueDate)}`), void onChanged(p.id))}
      />
    </Stack>
  );
}
