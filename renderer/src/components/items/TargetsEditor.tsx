import { ActionIcon, Button, Group, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { COMPARATORS, type Target } from '../../../../shared/contract/schemas/items';
import { COMPARATOR_LABELS } from './labels';

interface Props {
  value: Target[];
  onChange(next: Target[]): void;
}

const COMPARATOR_OPTIONS = COMPARATORS.map((c) => ({ value: c, label: COMPARATOR_LABELS[c] }));

const EMPTY: Target = { label: '', comparator: '>=', value: 0, unit: '', rawText: '' };

/** Quantitative targets: 新增城镇就业 ≥ 700000 人, one line each. */
export function TargetsEditor({ value, onChange }: Props) {
  const set = (n: number, patch: Partial<Target>) => onChange(value.map((t, i) => (i === n ? { ...t, ...patch } : t)));
  return (
    <Stack gap={6}>
      <Text size="xs" fw={500}>
        量化目标
      </Text>
      {value.length === 0 && (
        <Text size="xs" c="dimmed">
          暂无量化目标
        </Text>
      )}
      {value.map((t, n) => (
        <Group key={n} gap={6} wrap="nowrap" align="flex-start">
          <TextInput size="xs" style={{ flex: 1 }} aria-label={`目标 ${n + 1} 名称`} placeholder="如：新增城镇就业" value={t.label} onChange={(e) => set(n, { label: e.currentTarget.value })} />
          <Select size="xs" w={64} aria-label={`目标 ${n + 1} 比较`} data={COMPARATOR_OPTIONS} value={t.comparator} onChange={(v) => set(n, { comparator: (v as Target['comparator']) ?? null })} />
          <NumberInput size="xs" w={120} aria-label={`目标 ${n + 1} 数值`} thousandSeparator="," value={t.value} onChange={(v) => set(n, { value: typeof v === 'number' ? v : Number(v) || 0 })} />
          <TextInput size="xs" w={64} aria-label={`目标 ${n + 1} 单位`} placeholder="人" value={t.unit} onChange={(e) => set(n, { unit: e.currentTarget.value })} />
          <ActionIcon variant="subtle" color="red" aria-label={`删除目标 ${n + 1}`} onClick={() => onChange(value.filter((_, i) => i !== n))}>
            ✕
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button size="compact-xs" variant="light" onClick={() => onChange([...value, { ...EMPTY }])}>
          添加量化目标
        </Button>
      </Group>
    </Stack>
  );
}
