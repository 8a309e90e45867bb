import { Badge, Table } from '@mantine/core';
import type { ImportProblem } from '../../../../shared/contract/schemas/imports';

const LEVEL: Record<ImportProblem['severity'], { text: string; color: string }> = {
  error: { text: '✕ 错误', color: 'red' },
  warning: { text: '▲ 请核对', color: 'orange' },
};

/** Problems found while reading, each with file, sheet, row and column. */
export function ImportProblemsTable({ problems, total, label }: { problems: readonly ImportProblem[]; total: number; label: string }) {
  if (!problems.length) return null;
  return (
    <Table withTableBorder withColumnBorders fz="sm" verticalSpacing={2} aria-label={label} data-testid="import-problems">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={90}>级别</Table.Th>
          <Table.Th w={180}>文件</Table.Th>
          <Table.Th w={120}>工作表</Table.Th>
          <Table.Th w={50} ta="right">行</Table.Th>
          <Table.Th w={44}>列</Table.Th>
          <Table.Th>问题{total > problems.length ? `（共 ${total} 条，列出前 ${problems.length} 条）` : ''}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {problems.map((p, i) => (
          <Table.Tr key={i}>
            <Table.Td>
              <Badge variant="light" color={LEVEL[p.severity].color} radius="sm" size="sm" styles={{ label: { textTransform: 'none' } }}>{LEVEL[p.severity].text}</Badge>
            </Table.Td>
            <Table.Td style={{ wordBreak: 'break-all' }}>{p.file ?? '—'}</Table.Td>
            <Table.Td>{p.sheet || '—'}</Table.Td>
            <Table.Td ta="right">{p.row ?? '—'}</Table.Td>
            <Table.Td>{p.column || '—'}</Table.Td>
            <Table.Td>{p.message}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
