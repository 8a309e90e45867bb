import { Checkbox, Group, SimpleGrid, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import type { Unit } from '../../../../shared/contract/schemas/units';

interface Props {
  units: readonly Unit[];
  loaded: boolean;
  checked: ReadonlySet<number>;
  onChange(next: Set<number>): void;
}

/** Units to send templates to, each with how many items name it; select all / none and a name filter. */
export function UnitChecklist({ units, loaded, checked, onChange }: Props) {
  const [q, setQ] = useState('');
  const shown = q.trim() ? units.filter((u) => u.name.includes(q.trim()) || u.aliases.some((a) => a.includes(q.trim()))) : units;
  const toggle = (id: number, on: boolean) => {
    const next = new Set(checked);
    if (on) next.add(id);
    else next.delete(id);
    onChange(next);
  };
  if (loaded && units.length === 0) {
    return <Text size="sm" c="red">单位目录中还没有承担条目的单位。请先导入清单或在清单中指定牵头、负责单位。</Text>;
  }
  return (
    <Stack gap={6} p="xs" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4 }}>
      <Group justify="space-between">
        <Text size="sm" fw={600}>
          下发单位：已选 {checked.size} / {units.length}
        </Text>
        <Group gap="sm">
          <TextInput size="xs" w={180} placeholder="查找单位" aria-label="查找下发单位" value={q} onChange={(e) => setQ(e.currentTarget.value)} />
          <UnstyledButton fz="sm" c="indigo" onClick={() => onChange(new Set(units.map((u) => u.id)))}>全选</UnstyledButton>
          <UnstyledButton fz="sm" c="indigo" onClick={() => onChange(new Set())}>全不选</UnstyledButton>
        </Group>
      </Group>
      <SimpleGrid cols={4} spacing={4} verticalSpacing={4} style={{ maxHeight: 220, overflow: 'auto' }} aria-label="下发单位">
        {shown.map((u) => (
          <Checkbox
            key={u.id}
            size="xs"
            checked={checked.has(u.id)}
            onChange={(e) => toggle(u.id, e.currentTarget.checked)}
            label={
              <>
                {u.name}
                <Text span size="xs" c="dimmed" ml={4}>{u.itemCount} 项</Text>
              </>
            }
          />
        ))}
      </SimpleGrid>
      <Text size="xs" c="dimmed">“N 项”为该单位牵头、负责或配合的条目数；只配合的单位须勾选“含配合条目”才会收到模板。</Text>
    </Stack>
  );
}
