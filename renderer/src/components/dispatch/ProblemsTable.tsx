import { Badge, Table, Text } from '@mantine/core';
import type { ReturnProblem } from '../../../../shared/contract/schemas/exchange';

const LEVEL: Record<ReturnProblem['level'], { text: string; color: string }> = {
  error: { text: '✕ 未导入', color: 'red' },
  warning: { text: '▲ 请核对', color: 'orange' },
  info: { text: 'ⓘ 提示', color: 'gray' },
};

/** Problems of returned files: level, file, sheet, row and column, and what happened. */
export function ProblemsTable({ problems, label = '问题' }: { problems: readonly ReturnProblem[]; label?: string }) {
  if (!problems.length) return <Text size="sm" c="dimmed">没有发现问题。</Text>;
  return (
    <Table striped withTableBorder withColumnBorders fz="sm" verticalSpacing={3} aria-label={label} data-testid="problems">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={90}>级别</Table.Th>
          <Table.Th w={200}>文件</Table.Th>
          <Table.Th w={90}>工作表</Table.Th>
          <Table.Th w={50} ta="right">行</Table.Th>
          <Table.Th w={130}>列</Table.Th>
          <Table.Th>问题</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {problems.map((p, i) => (
          <Table.Tr key={i}>
            <Table.Td>
              <Badge variant="light" color={LEVEL[p.level].color} radius="sm" size="sm" styles={{ label: { textTransform: 'none' } }}>
                {LEVEL[p.level].text}
              </Badge>
            </Table.Td>
            <Table.Td style={{ wordBreak: 'break-all' }}>{p.file}</Table.Td>
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
