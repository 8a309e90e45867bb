import type { ReactNode } from 'react';
import { Stack, Table, Text } from '@mantine/core';
import { codeTitle } from '../../../../shared/contract/item-code';

/** One request read from a returned file's row: where it is, the item, and the cells after them. */
export interface RequestRow {
  readonly sheet: string;
  readonly row: number;
  readonly code?: string;
  readonly title: string;
  readonly cells: readonly ReactNode[];
}

/** The requests (申请延期, 申请办结) a returned file carries, listed under the file in the preview. */
export function ReturnRequestTable({ testId, caption, heads, rows }: { testId: string; caption: string; heads: readonly string[]; rows: readonly RequestRow[] }) {
  return (
    <Stack gap={4} data-testid={testId}>
      <Text size="sm" fw={600}>{caption}</Text>
      <Table withTableBorder fz="sm" verticalSpacing={2}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={60}>行</Table.Th>
            <Table.Th>事项</Table.Th>
            {heads.map((h) => (
              <Table.Th key={h}>{h}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={`${r.sheet}:${r.row}`}>
              <Table.Td>{r.row}</Table.Td>
              <Table.Td>{codeTitle(r.code, r.title)}</Table.Td>
              {r.cells.map((c, i) => (
                <Table.Td key={heads[i]} style={{ wordBreak: 'break-all' }}>{c}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
