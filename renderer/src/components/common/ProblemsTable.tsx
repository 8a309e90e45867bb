import { Badge, Table, Text } from '@mantine/core';

/** A problem located by file, sheet, row and column. */
export interface LocatedProblem {
  level: 'error' | 'warning' | 'info';
  file?: string;
  sheet?: string;
  row?: number | null;
  column?: string;
  message: string;
}

/**
 * Where the table stands. Returned templates: an error means the file, sheet, row or field was not
 * imported, and 列 holds header names. Import preview: 列 holds Excel letters, so it is narrow.
 */
const LAYOUTS = {
  returns: { errorText: '✕ 未导入', file: 200, sheet: 90, column: 130, spacing: 3, striped: true, testId: 'problems', empty: '没有发现问题。' },
  import: { errorText: '✕ 错误', file: 180, sheet: 120, column: 44, spacing: 2, striped: false, testId: 'import-problems', empty: null },
} as const;

const LEVEL = { warning: { text: '▲ 请核对', color: 'orange' }, info: { text: 'ⓘ 提示', color: 'gray' } } as const;

function LevelBadge({ level, errorText }: { level: LocatedProblem['level']; errorText: string }) {
  const { text, color } = level === 'error' ? { text: errorText, color: 'red' } : LEVEL[level];
  return (
    <Badge variant="light" color={color} radius="sm" size="sm" styles={{ label: { textTransform: 'none' } }}>
      {text}
    </Badge>
  );
}

interface Props {
  problems: readonly LocatedProblem[];
  label: string;
  layout: keyof typeof LAYOUTS;
  /** How many there are when `problems` lists only the first ones. */
  total?: number;
}

/** Problems each with level, file, sheet, row and column, and what happened. */
export function ProblemsTable({ problems, label, layout, total = problems.length }: Props) {
  const l = LAYOUTS[layout];
  if (!problems.length) return l.empty && <Text size="sm" c="dimmed">{l.empty}</Text>;
  return (
    <Table striped={l.striped} withTableBorder withColumnBorders fz="sm" verticalSpacing={l.spacing} aria-label={label} data-testid={l.testId}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={90}>级别</Table.Th>
          <Table.Th w={l.file}>文件</Table.Th>
          <Table.Th w={l.sheet}>工作表</Table.Th>
          <Table.Th w={50} ta="right">行</Table.Th>
          <Table.Th w={l.column}>列</Table.Th>
          <Table.Th>问题{total > problems.length ? `（共 ${total} 条，列出前 ${problems.length} 条）` : ''}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {problems.map((p, i) => (
          <Table.Tr key={i}>
            <Table.Td>
              <LevelBadge level={p.level} errorText={l.errorText} />
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
