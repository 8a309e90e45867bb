import { Button, Checkbox, Group, MultiSelect, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useMemo, useState } from 'react';
import {
  ITEM_KIND_LABELS,
  ITEM_KINDS,
  ITEM_STATUS_LABELS,
  ITEM_STATUSES,
  ROLE_LABELS,
  ROLES,
  type ItemKind,
  type ItemStatus,
  type Role,
} from '../../../../shared/contract/schemas/items';
import type { Plan } from '../../../../shared/contract/schemas/plans';
import type { Unit } from '../../../../shared/contract/schemas/units';
import { call } from '../../api/client';
import { notifyError } from '../../app/notify';
import { DEFAULT_PRINT_COLUMNS, KIND_COLUMNS, printColumns } from '../../print/item-print-columns';
import { itemsPrintHash, type ItemsPrintRequest } from '../../print/print-route';
import { unitPicker } from '../common/unit-options';

interface Filters {
  kind: ItemKind;
  planId: string | null;
  unitId: string | null;
  role: Role | null;
  statuses: ItemStatus[];
  keyword: string;
  overdue: boolean;
  title: string;
}

const START: Filters = { kind: 'task', planId: null, unitId: null, role: null, statuses: [], keyword: '', overdue: false, title: '' };
const STATE_KEY = 'qd-print-list';

/** The last choices of this tab session, so 返回 from the preview finds them again. */
function remembered(): { f: Filters; columns: string[] } {
  try {
    const v = JSON.parse(sessionStorage.getItem(STATE_KEY) ?? 'null') as { f: Filters; columns: string[] } | null;
    if (v && ITEM_KINDS.includes(v.f.kind) && Array.isArray(v.columns)) return { f: { ...START, ...v.f }, columns: v.columns };
  } catch {
    // A damaged entry is ignored.
  }
  return { f: START, columns: [...DEFAULT_PRINT_COLUMNS.task] };
}

function request(f: Filters, columns: string[]): ItemsPrintRequest {
  return {
    kind: f.kind,
    planId: f.planId ? Number(f.planId) : undefined,
    unitId: f.unitId ? Number(f.unitId) : undefined,
    role: f.role ?? undefined,
    statuses: f.statuses,
    keyword: f.keyword.trim() || undefined,
    overdue: f.overdue,
    columns,
    title: f.title.trim() || undefined,
  };
}

/** 打印清单: choose the list, its filters and columns, then open the print preview. */
export function PrintListForm() {
  const [f, setF] = useState<Filters>(() => remembered().f);
  const [columns, setColumns] = useState<string[]>(() => remembered().columns);
  const [plans, setPlans] = useState<Plan[]>([]);
  const [units, setUnits] = useState<Unit[]>([]);
  const [count, setCount] = useState<number | null>(null);
  const [keyword] = useDebouncedValue(f.keyword, 250);
  const set = <K extends keyof Filters>(k: K, v: Filters[K]) => setF((x) => ({ ...x, [k]: v }));

  useEffect(() => void Promise.all([call('plans:list', {}), call('units:list', {})]).then(([p, u]) => (setPlans(p), setUnits(u)), notifyError), []);
  const req = useMemo(() => request({ ...f, keyword }, columns), [f, keyword, columns]);
  useEffect(() => sessionStorage.setItem(STATE_KEY, JSON.stringify({ f, columns })), [f, columns]);
  useEffect(() => {
    let live = true;
    const { kind, planId, unitId, role, statuses, keyword: kw, overdue } = req;
    call('items:list', { kind, planId, unitId, role, statuses: statuses?.length ? [...statuses] : undefined, keyword: kw, overdue: overdue || undefined, limit: 1 }).then(
      (p) => live && setCount(p.total),
      () => live && setCount(null),
    );
    return () => {
      live = false;
    };
  }, [req]);

  const changeKind = (kind: ItemKind) => (set('kind', kind), setColumns([...DEFAULT_PRINT_COLUMNS[kind]]));
  const offered = printColumns(f.kind, KIND_COLUMNS[f.kind]);
  return (
    <Stack gap="sm" maw={1000}>
      <SimpleGrid cols={4} spacing="sm">
        <Select label="清单" allowDeselect={false} data={ITEM_KINDS.map((k) => ({ value: k, label: `${ITEM_KIND_LABELS[k]}清单` }))} value={f.kind} onChange={(v) => v && changeKind(v as ItemKind)} />
        <Select label="方案" clearable placeholder="全部方案" data={plans.map((p) => ({ value: String(p.id), label: p.title }))} value={f.planId} onChange={(v) => set('planId', v)} />
        <Select label="单位" clearable searchable placeholder="全部单位" {...unitPicker(units)} value={f.unitId} onChange={(v) => set('unitId', v)} />
        <Select label="角色" clearable placeholder="任意角色" data={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} value={f.role} onChange={(v) => set('role', v as Role | null)} />
        <MultiSelect label="状态" clearable placeholder="全部状态" data={ITEM_STATUSES.map((s) => ({ value: s, label: ITEM_STATUS_LABELS[s] }))} value={f.statuses} onChange={(v) => set('statuses', v as ItemStatus[])} />
        <TextInput label="关键词" placeholder="标题、内容或编号" value={f.keyword} onChange={(e) => set('keyword', e.currentTarget.value)} />
        <TextInput label="打印标题" placeholder={`${ITEM_KIND_LABELS[f.kind]}清单`} value={f.title} onChange={(e) => set('title', e.currentTarget.value)} />
        <Checkbox mt={30} label="只打印逾期未完成" checked={f.overdue} onChange={(e) => set('overdue', e.currentTarget.checked)} />
      </SimpleGrid>
      <Checkbox.Group label="打印列" value={columns} onChange={(v) => setColumns(KIND_COLUMNS[f.kind].filter((k) => v.includes(k)))}>
        <Group gap="md" mt={6}>
          {offered.map((c) => (
            <Checkbox key={c.key} value={c.key} label={c.label} />
          ))}
        </Group>
      </Checkbox.Group>
      <Group>
        <Button disabled={!columns.length} onClick={() => (location.hash = itemsPrintHash(req))}>
          打印预览
        </Button>
        <Text size="sm" c="dimmed" data-testid="print-count">
          {count === null ? '' : `将打印 ${count} 项，A4 横向，表头每页重复，页脚标注页码`}
        </Text>
      </Group>
    </Stack>
  );
}
