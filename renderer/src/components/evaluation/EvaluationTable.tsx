import { Badge, Table, Text, UnstyledButton } from '@mantine/core';
import type { EvaluationRow } from '../../../../shared/contract/schemas/evaluation';
import { EVAL_COLUMNS, sortRows, type EvalSort } from './evaluation-columns';

const NUMERIC = new Set(EVAL_COLUMNS.filter((c) => c.key !== 'unit' && c.key !== 'list').map((c) => c.key));

function Cell({ r, k, text }: { r: EvaluationRow; k: string; text: string }) {
  if (k === 'list' && r.list)
    return (
      <Badge size="sm" variant="light" color={r.list === 'commend' ? 'red' : 'yellow'} title={r.listReasons.join('；') || undefined}>
        {text}
      </Badge>
    );
  if (k === 'score') return <Text size="sm" fw={700}>{text}</Text>;
  if ((k === 'red' && r.red > 0) || (k === 'missing' && r.missing > 0) || (k === 'overdue' && r.overdueItems > 0)) return <Text size="sm" c="red.8" fw={600}>{text}</Text>;
  return <>{text}</>;
}

/** The ranked 考评 table; a click on a column header sorts by it (again: the other way). */
export function EvaluationTable({ rows, sort, onSort }: { rows: readonly EvaluationRow[]; sort: EvalSort; onSort(s: EvalSort): void }) {
  const shown = sortRows(rows, sort);
  const click = (key: string) => onSort(sort.key === key ? { key, desc: !sort.desc } : { key, desc: key !== 'unit' && key !== 'rank' });
  return (
    <Table striped highlightOnHover withTableBorder withColumnBorders fz="sm" verticalSpacing={3} horizontalSpacing={6} aria-label="考评表" data-testid="evaluation-table">
      <Table.Thead>
        <Table.Tr>
          {EVAL_COLUMNS.map((c) => (
            <Table.Th key={c.key} ta={NUMERIC.has(c.key) ? 'right' : undefined} aria-sort={sort.key === c.key ? (sort.desc ? 'descending' : 'ascending') : undefined} style={{ whiteSpace: 'nowrap' }}>
              <UnstyledButton fz="sm" fw={700} onClick={() => click(c.key)}>
                {c.label}
                {sort.key === c.key ? (sort.desc ? ' ▼' : ' ▲') : ''}
              </UnstyledButton>
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {shown.map((r) => (
          <Table.Tr key={r.unitId} data-unit={r.unitName}>
            {EVAL_COLUMNS.map((c) =>
              c.key === 'unit' ? (
                <Table.Th key={c.key} scope="row" fw={500} style={{ whiteSpace: 'nowrap' }}>{r.unitName}</Table.Th>
              ) : (
                <Table.Td key={c.key} ta={NUMERIC.has(c.key) ? 'right' : undefined}>
                  <Cell r={r} k={c.key} text={c.text(r)} />
                </Table.Td>
              ),
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
