import { Stack, Table, Text } from '@mantine/core';
import type { ReturnClosure } from '../../../../shared/contract/schemas/exchange';

/** 申请办结 read from a returned file: recorded as closure requests (待办结确认) on import. */
export function ReturnClosures({ rows }: { rows: readonly ReturnClosure[] | undefined }) {
  if (!rows?.length) return null;
  return (
    <Stack gap={4} data-testid="return-closures">
      <Text size="sm" fw={600}>申请办结 {rows.length} 项（导入后为「待办结确认」，在清单中按办结筛选后逐项确认）</Text>
      <Table withTableBorder fz="sm" verticalSpacing={2}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={60}>行</Table.Th>
            <Table.Th>事项</Table.Th>
            <Table.Th>办结文号</Table.Th>
            <Table.Th>佐证材料/说明</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={`${r.sheet}:${r.row}`}>
              <Table.Td>{r.row}</Table.Td>
              <Table.Td>{r.code ? `${r.code} ` : ''}{r.title}</Table.Td>
              <Table.Td>{r.docNo || '—'}</Table.Td>
              <Table.Td style={{ wordBreak: 'break-all' }}>{r.evidence}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
