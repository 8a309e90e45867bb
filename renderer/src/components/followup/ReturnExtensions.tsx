import { Badge, Stack, Table, Text } from '@mantine/core';
import type { ReturnExtension } from '../../../../shared/contract/schemas/exchange';

/** 申请延期 read from a returned file: recorded as pending requests on import, late ones marked. */
export function ReturnExtensions({ rows }: { rows: readonly ReturnExtension[] | undefined }) {
  if (!rows?.length) return null;
  return (
    <Stack gap={4} data-testid="return-extensions">
      <Text size="sm" fw={600}>申请延期 {rows.length} 项（导入后在「概览 · 延期待审批」中审批）</Text>
      <Table withTableBorder fz="sm" verticalSpacing={2}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={60}>行</Table.Th>
            <Table.Th>事项</Table.Th>
            <Table.Th>现完成时限</Table.Th>
            <Table.Th>申请延期至</Table.Th>
            <Table.Th>理由</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={`${r.sheet}:${r.row}`}>
              <Table.Td>{r.row}</Table.Td>
              <Table.Td>{r.code ? `${r.code} ` : ''}{r.title}</Table.Td>
              <Table.Td>{r.deadline || '—'}</Table.Td>
              <Table.Td>
                {r.requestedDate}
                {r.late && <Badge ml={4} size="xs" color="red" variant="light">▲逾期申请</Badge>}
              </Table.Td>
              <Table.Td>{r.reason}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
