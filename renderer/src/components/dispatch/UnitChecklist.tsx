import { Checkbox, Group, SimpleGrid, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import type { TemplateCount } from '../../../../shared/contract/schemas/exchange';

interface Props {
  /** Every unit named on an item, with the rows its template will hold (0: it gets none). */
  counts: readonly TemplateCount[];
  loaded: boolean;
  includeCoop: boolean;
  checked: ReadonlySet<number>;
  onChange(next: Set<number>): void;
}

/** Units to send templates to, each with the rows its file will hold; select all / none and a name filter; units with no rows said apart. */
export function UnitChecklist({ counts, loaded, includeCoop, checked, onChange }: Props) {
  const [q, setQ] = useState('');
  const sendable = counts.filter((c) => c.rows > 0);
  const none = counts.filter((c) => c.rows === 0);
  const shown = q.trim() ? sendable.filter((c) => c.unitName.includes(q.trim())) : sendable;
  const rows = sendable.filter((c) => checked.has(c.unitId)).reduce((n, c) => n + c.rows, 0);
  const toggle = (id: number, on: boolean) => {
    const next = new Set(checked);
    if (on) next.add(id);
    else next.delete(id);
    onChange(next);
  };
  if (loaded && sendable.length === 0) {
    return <Text size="sm" c="red">单位目录中还没有承担条目的单位。请先导入清单或在清单中指定牵头、负责单位。</Text>;
  }
  return (
    <Stack gap={6} p="xs" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4 }}>
      <Group justify="space-between">
        <Text size="sm" fw={600} data-testid="issue-selection">
          下发单位：已选 {checked.size} / {sendable.length} 个，共 {rows} 项
        </Text>
        <Group gap="sm">
          <TextInput size="xs" w={180} placeholder="查找单位" aria-label="查找下发单位" value={q} onChange={(e) => setQ(e.currentTarget.value)} />
          <UnstyledButton fz="sm" c="indigo" onClick={() => onChange(new Set(sendable.map((c) => c.unitId)))}>全选</UnstyledButton>
          <UnstyledButton fz="sm" c="indigo" onClick={() => onChange(new Set())}>全不选</UnstyledButton>
        </Group>
      </Group>
      <SimpleGrid cols={4} spacing={4} verticalSpacing={4} style={{ maxHeight: 220, overflow: 'auto' }} aria-label="下发单位">
        {shown.map((c) => (
          <Checkbox
            key={c.unitId}
            size="xs"
            checked={checked.has(c.unitId)}
            onChange={(e) => toggle(c.unitId, e.currentTarget.checked)}
            label={
              <>
                {c.unitName}
                <Text span size="xs" c="dimmed" ml={4} data-testid="unit-rows">{c.rows} 项</Text>
              </>
            }
          />
        ))}
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        “N 项”为该单位模板中的行数（每个条目一行，
        {includeCoop ? '含牵头、负责和配合的条目' : '只含牵头或负责的条目；配合的条目须勾选“含配合条目”'}）。
      </Text>
      {none.length > 0 && (
        <Text size="xs" c="dimmed" data-testid="units-without-rows">
          另有 {none.length} 个单位只配合条目、没有牵头或负责的条目，不生成模板（勾选“含配合条目”后生成）：{none.map((c) => c.unitName).join('、')}
        </Text>
      )}
    </Stack>
  );
}
