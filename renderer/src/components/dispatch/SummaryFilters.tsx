import { Group, MultiSelect, Select, TextInput } from '@mantine/core';
import { ITEM_STATUS_LABELS, ITEM_STATUSES, type ItemStatus } from '../../../../shared/contract/schemas/items';
import { LIGHT_LEVEL_LABELS, LIGHT_LEVELS, lightLook, type LightLevel } from '../../../../shared/contract/schemas/lights';
import type { LIGHT_SCHEMES } from '../../../../shared/contract/schemas/office';

/** What the 汇总表 view is filtered by (the export takes the same). */
export interface SummaryFilterValue {
  unitId?: number;
  levels: LightLevel[];
  statuses: ItemStatus[];
  keyword: string;
}

export const NO_SUMMARY_FILTER: SummaryFilterValue = { levels: [], statuses: [], keyword: '' };

type Scheme = (typeof LIGHT_SCHEMES)[number];

/** Unit, light, status and keyword filters of the 汇总表. */
export function SummaryFilters(p: {
  value: SummaryFilterValue;
  onChange(v: SummaryFilterValue): void;
  units: readonly { id: number; name: string }[];
  scheme: string;
}) {
  const v = p.value;
  const lightData = LIGHT_LEVELS.map((l) => ({ value: l, label: `${lightLook(p.scheme as Scheme, l).text} ${LIGHT_LEVEL_LABELS[l]}` }));
  return (
    <Group gap="xs" align="flex-end">
      <Select
        size="xs"
        w={200}
        label="单位"
        placeholder="全部单位"
        searchable
        clearable
        data={p.units.map((u) => ({ value: String(u.id), label: u.name }))}
        value={v.unitId ? String(v.unitId) : null}
        onChange={(id) => p.onChange({ ...v, unitId: id ? Number(id) : undefined })}
      />
      <MultiSelect
        size="xs"
        w={240}
        label="亮灯"
        placeholder={v.levels.length ? undefined : '全部'}
        data={lightData}
        value={v.levels}
        onChange={(levels) => p.onChange({ ...v, levels: levels as LightLevel[] })}
      />
      <MultiSelect
        size="xs"
        w={200}
        label="状态"
        placeholder={v.statuses.length ? undefined : '全部'}
        data={ITEM_STATUSES.map((s) => ({ value: s, label: ITEM_STATUS_LABELS[s] }))}
        value={v.statuses}
        onChange={(statuses) => p.onChange({ ...v, statuses: statuses as ItemStatus[] })}
      />
      <TextInput
        size="xs"
        w={200}
        label="关键词"
        placeholder="名称、进展、问题…"
        value={v.keyword}
        onChange={(e) => p.onChange({ ...v, keyword: e.currentTarget.value })}
      />
    </Group>
  );
}
