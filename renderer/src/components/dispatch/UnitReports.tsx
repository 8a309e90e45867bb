import { Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Output } from '../../../../shared/contract/channels';
import { COMBINE_RULE } from '../../../../shared/contract/schemas/exchange';
import { call } from '../../api/client';

type Reports = Output<'reports:item'>;

/**
 * In the item drawer: each unit's own report of the latest reported period (a report is item ×
 * period × unit) and, when several lead/responsible units share the item, the rule that makes the
 * item's 状态 and 完成比例 from them.
 */
export function UnitReports({ itemId, version }: { itemId: number; version: string }) {
  const [data, setData] = useState<Reports | null>(null);
  useEffect(() => {
    let live = true;
    call('reports:item', { itemId }).then(
      (r) => live && setData(r),
      () => live && setData(null),
    );
    return () => {
      live = false;
    };
  }, [itemId, version]);
  if (!data || !data.reports.length) return null;
  return (
    <Stack gap={4} mb="sm" data-testid="unit-reports">
      <Text size="sm" fw={600}>各单位报送（{data.periodName}）</Text>
      <Table withTableBorder withColumnBorders fz="xs" verticalSpacing={2} aria-label="各单位报送">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={150}>单位</Table.Th>
            <Table.Th w={64}>状态</Table.Th>
            <Table.Th w={64} ta="right">完成比例</Table.Th>
            <Table.Th>进展情况</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.reports.map((r) => (
            <Table.Tr key={r.unitName}>
              <Table.Td>{r.unitName}{r.role && <Text span size="xs" c="dimmed">（{r.role}）</Text>}</Table.Td>
              <Table.Td>{r.status}</Table.Td>
              <Table.Td ta="right">{r.ratio === null ? '' : `${r.ratio}%`}</Table.Td>
              <Table.Td><Text size="xs" lineClamp={2} title={r.progressText}>{r.progressText}</Text></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {data.sharedBy > 1 && (
        <Text size="xs" c="dimmed" data-testid="combine-rule">
          本项有 {data.sharedBy} 个牵头/负责单位，各自报送；条目的值按合并规则：{COMBINE_RULE.join('；')}。配合单位的报送只作记录。
        </Text>
      )}
    </Stack>
  );
}
