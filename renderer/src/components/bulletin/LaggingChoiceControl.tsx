import { Group, MultiSelect, NumberInput, SegmentedControl, Text } from '@mantine/core';
import type { BulletinFacts, LaggingChoice } from '../../../../shared/contract/schemas/bulletins';
import { codeTitle } from '../../../../shared/contract/item-code';

type Mode = 'all' | 'cap' | 'pick';
const MODES = [
  { value: 'all', label: '全部列出' },
  { value: 'cap', label: '只列最严重的' },
  { value: 'pick', label: '逐项挑选' },
];

const modeOf = (c: LaggingChoice): Mode => (c.ids ? 'pick' : c.limit !== undefined ? 'cap' : 'all');

/** How many lagging items the draft lists by name, of how many. */
function listedCount(c: LaggingChoice, total: number): number {
  if (c.ids) return c.ids.length;
  return c.limit === undefined ? total : Math.min(c.limit, total);
}

/**
 * Which lagging items the bulletin lists: all, the N most severe (least progress, earliest deadline),
 * or the ones picked; the rest are counted as "另有 N 项".
 */
export function LaggingChoiceControl({ lagging, value, onChange }: { lagging: BulletinFacts['lagging']; value: LaggingChoice; onChange(c: LaggingChoice): void }) {
  const mode = modeOf(value);
  const total = lagging.length;
  const listed = listedCount(value, total);
  const setMode = (m: string) =>
    onChange(m === 'cap' ? { limit: Math.min(10, total) } : m === 'pick' ? { ids: lagging.slice(0, Math.min(10, total)).map((l) => l.itemId) } : {});
  return (
    <Group gap="xs" align="center" wrap="wrap">
      <Text size="sm">滞后事项：</Text>
      <SegmentedControl size="xs" aria-label="滞后事项列出方式" data={MODES} value={mode} onChange={setMode} disabled={!total} />
      {mode === 'cap' && (
        <NumberInput
          size="xs"
          w={90}
          aria-label="列出项数"
          min={0}
          max={total}
          clampBehavior="strict"
          allowDecimal={false}
          suffix=" 项"
          value={value.limit ?? 0}
          onChange={(v) => onChange({ limit: typeof v === 'number' ? v : 0 })}
        />
      )}
      {mode === 'pick' && (
        <MultiSelect
          size="xs"
          w={420}
          aria-label="列出的滞后事项"
          searchable
          maxDropdownHeight={320}
          data={lagging.map((l) => ({ value: String(l.itemId), label: `${codeTitle(l.code, l.title)}（${l.progress}%）` }))}
          value={(value.ids ?? []).map(String)}
          onChange={(ids) => onChange({ ids: ids.map(Number) })}
        />
      )}
      <Text size="xs" c="dimmed" data-testid="lagging-listed">
        {total ? `共 ${total} 项滞后，逐项列出 ${listed} 项${total > listed ? `，另有 ${total - listed} 项只计数` : ''}` : '本期无滞后事项'}
      </Text>
    </Group>
  );
}
