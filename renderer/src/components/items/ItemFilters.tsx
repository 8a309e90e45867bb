import { Button, Checkbox, CloseButton, Group, MultiSelect, SegmentedControl, Select, Text, TextInput } from '@mantine/core';
import type { Ref } from 'react';
import { ITEM_STATUSES, ROLE_LABELS, ROLES, type ItemStatus, type Role } from '../../../../shared/contract/schemas/items';
import { LIGHT_LEVELS, LIGHT_LEVEL_LABELS, lightLook, type LightLevel } from '../../../../shared/contract/schemas/lights';
import type { LIGHT_SCHEMES } from '../../../../shared/contract/schemas/office';
import type { Plan } from '../../../../shared/contract/schemas/plans';
import type { Unit } from '../../../../shared/contract/schemas/units';
import { ChineseDateInput } from '../common/ChineseDateInput';
import { STATUS_META } from './labels';
import { unitPicker } from '../common/unit-options';

/** What the filter bar holds. */
export interface ItemFilterState {
  planId: number | null;
  sectionId: number | null;
  unitId: number | null;
  role: Role | null;
  statuses: ItemStatus[];
  deadlineFrom: string;
  deadlineTo: string;
  overdue: boolean;
  keyword: string;
  /** Light levels (亮灯); the core's rule decides, the list filters by the matching ids. */
  lights: LightLevel[];
  /** 上级下发 or 本级新增. */
  origin: 'upper' | 'local' | null;
  /** 办结销号: 待办结确认 or 已办结. */
  closure: 'pending' | 'closed' | null;
}

export const EMPTY_FILTERS: ItemFilterState = {
  planId: null,
  sectionId: null,
  unitId: null,
  role: null,
  statuses: [],
  deadlineFrom: '',
  deadlineTo: '',
  overdue: false,
  keyword: '',
  lights: [],
  origin: null,
  closure: null,
};

interface Props {
  value: ItemFilterState;
  onChange(next: ItemFilterState): void;
  plans: readonly Plan[];
  units: readonly Unit[];
  keywordRef: Ref<HTMLInputElement>;
  scheme: (typeof LIGHT_SCHEMES)[number];
}

const STATUS_OPTIONS = ITEM_STATUSES.map((s) => ({ value: s, label: `${STATUS_META[s].symbol} ${STATUS_META[s].word}` }));
const ROLE_OPTIONS = [{ value: 'any', label: '任一角色' }, ...ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))];

/** The filter bar of a list: plan, section, unit and role, status, deadline window, overdue, keyword. */
export function ItemFilters({ value, onChange, plans, units, keywordRef, scheme }: Props) {
  const set = (patch: Partial<ItemFilterState>) => onChange({ ...value, ...patch });
  const plan = plans.find((p) => p.id === value.planId);
  const active = JSON.stringify(value) !== JSON.stringify(EMPTY_FILTERS);
  return (
    <Group gap={8} wrap="wrap" align="center">
      <TextInput
        ref={keywordRef}
        size="xs"
        w={200}
        aria-label="关键词"
        placeholder="关键词（Ctrl+F）"
        value={value.keyword}
        onChange={(e) => set({ keyword: e.currentTarget.value })}
        rightSection={value.keyword ? <CloseButton size="xs" aria-label="清除关键词" onClick={() => set({ keyword: '' })} /> : null}
      />
      <Select
        size="xs"
        w={210}
        aria-label="方案"
        placeholder="全部方案"
        clearable
        searchable
        data={plans.map((p) => ({ value: String(p.id), label: p.title }))}
        value={value.planId ? String(value.planId) : null}
        onChange={(v) => set({ planId: v ? Number(v) : null, sectionId: null })}
      />
      <Select
        size="xs"
        w={180}
        aria-label="章节"
        placeholder={plan ? '全部章节' : '先选方案'}
        disabled={!plan}
        clearable
        data={(plan?.sections ?? []).map((s) => ({ value: String(s.id), label: s.name }))}
        value={value.sectionId ? String(value.sectionId) : null}
        onChange={(v) => set({ sectionId: v ? Number(v) : null })}
      />
      <Select
        size="xs"
        w={180}
        aria-label="单位"
        placeholder="全部单位"
        clearable
        searchable
        limit={200}
        nothingFoundMessage="没有这个单位"
        {...unitPicker(units)}
        value={value.unitId ? String(value.unitId) : null}
        onChange={(v) => set({ unitId: v ? Number(v) : null })}
      />
      <SegmentedControl
        size="xs"
        aria-label="角色"
        data={ROLE_OPTIONS}
        value={value.role ?? 'any'}
        onChange={(v) => set({ role: v === 'any' ? null : (v as Role) })}
      />
      <MultiSelect
        size="xs"
        w={200}
        aria-label="状态"
        placeholder={value.statuses.length ? '' : '全部状态'}
        clearable
        data={STATUS_OPTIONS}
        value={value.statuses}
        onChange={(v) => set({ statuses: v as ItemStatus[] })}
      />
      <MultiSelect
        size="xs"
        w={200}
        aria-label="亮灯"
        placeholder={value.lights.length ? '' : '全部亮灯'}
        clearable
        data={LIGHT_LEVELS.map((l) => ({ value: l, label: `${lightLook(scheme, l).text} ${LIGHT_LEVEL_LABELS[l]}` }))}
        value={value.lights}
        onChange={(v) => set({ lights: v as LightLevel[] })}
      />
      <Select
        size="xs"
        w={120}
        aria-label="来源"
        placeholder="全部来源"
        clearable
        data={[
          { value: 'upper', label: '上级下发' },
          { value: 'local', label: '本级新增' },
        ]}
        value={value.origin}
        onChange={(v) => set({ origin: (v as 'upper' | 'local' | null) ?? null })}
      />
      <Select
        size="xs"
        w={120}
        aria-label="办结"
        placeholder="办结情况"
        clearable
        data={[
          { value: 'pending', label: '待办结确认' },
          { value: 'closed', label: '已办结' },
        ]}
        value={value.closure}
        onChange={(v) => set({ closure: (v as 'pending' | 'closed' | null) ?? null })}
      />
      <Group gap={4} wrap="nowrap">
        <Text size="xs" c="dimmed">
          完成时限
        </Text>
        <ChineseDateInput size="xs" w={150} aria-label="完成时限起" placeholder="起" value={value.deadlineFrom} onChange={(v) => set({ deadlineFrom: v })} />
        <Text size="xs" c="dimmed">
          至
        </Text>
        <ChineseDateInput size="xs" w={150} aria-label="完成时限止" placeholder="止" value={value.deadlineTo} onChange={(v) => set({ deadlineTo: v })} />
      </Group>
      <Checkbox size="xs" label="只看逾期" checked={value.overdue} onChange={(e) => set({ overdue: e.currentTarget.checked })} />
      {active && (
        <Button size="compact-xs" variant="subtle" onClick={() => onChange(EMPTY_FILTERS)}>
          清除筛选
        </Button>
      )}
    </Group>
  );
}
