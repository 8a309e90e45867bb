import { Button, Collapse, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { ImportPreviewResult } from '../../../../shared/contract/schemas/imports';
import type { Unit } from '../../../../shared/contract/schemas/units';

type Unknown = ImportPreviewResult['unknownUnits'][number];
const CREATE = 'create';

function options(u: Unknown, units: readonly Unit[]) {
  const suggested = new Set(u.suggestions.map((s) => s.id));
  const rest = units.filter((x) => !suggested.has(x.id)).map((x) => ({ value: String(x.id), label: `对应到「${x.name}」` }));
  return [
    { group: '新建', items: [{ value: CREATE, label: `新建单位「${u.name}」` }] },
    ...(u.suggestions.length ? [{ group: '可能是', items: u.suggestions.map((s) => ({ value: String(s.id), label: `对应到「${s.name}」` })) }] : []),
    ...(rest.length ? [{ group: '单位目录', items: rest }] : []),
  ];
}

function UnitsTable({ unknown, units, decisions, onDecide }: Props) {
  return (
    <Table withTableBorder fz="sm" verticalSpacing={2} aria-label="未识别的单位" data-testid="unknown-units">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>未识别的单位（单位目录中没有）</Table.Th>
          <Table.Th w={80} ta="right">涉及条目</Table.Th>
          <Table.Th w={320}>处理</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {unknown.map((u) => (
          <Table.Tr key={u.name}>
            <Table.Td>
              {u.name}
              {u.suggestions.length > 0 && <Text span size="xs" c="dimmed">　可能是：{u.suggestions.map((s) => s.name).join('、')}</Text>}
            </Table.Td>
            <Table.Td ta="right">{u.count}</Table.Td>
            <Table.Td>
              <Select
                size="xs"
                searchable
                aria-label={`「${u.name}」的处理`}
                data={options(u, units)}
                value={decisions[u.name] == null ? CREATE : String(decisions[u.name])}
                onChange={(v) => onDecide(u.name, !v || v === CREATE ? null : Number(v))}
                allowDeselect={false}
              />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

interface Props {
  unknown: ImportPreviewResult['unknownUnits'];
  units: readonly Unit[];
  decisions: Record<string, number | null>;
  onDecide(name: string, id: number | null): void;
}

/**
 * 未识别的单位: map each to an existing unit (remembered as its alias) or create it. Shown open
 * when some look like directory units under another name; a long list of plainly new units (a
 * first import into an empty directory) starts folded so the preview stays in view.
 */
export function UnknownUnitsPanel(props: Props) {
  const { unknown, decisions } = props;
  const [open, setOpen] = useState(unknown.some((u) => u.suggestions.length > 0) || unknown.length <= 5);
  if (!unknown.length) return null;
  const mapped = unknown.filter((u) => decisions[u.name] != null).length;
  return (
    <Stack gap={4}>
      <Group gap="sm">
        <Text size="sm" fw={600}>未识别的单位 {unknown.length} 个</Text>
        <Text size="sm" c="dimmed">{mapped ? `对应到已有单位 ${mapped} 个，其余` : '全部'}将新建为单位</Text>
        <Button size="compact-xs" variant="subtle" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
          {open ? '收起' : '逐个处理…'}
        </Button>
      </Group>
      <Collapse expanded={open}>
        <UnitsTable {...props} />
      </Collapse>
    </Stack>
  );
}
