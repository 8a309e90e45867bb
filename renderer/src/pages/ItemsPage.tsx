import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ItemKind } from '../../../shared/contract/schemas/items';
import { parseListFilters, ROUTES } from '../app/routes';
import { ColumnChooser } from '../components/items/ColumnChooser';
import { ItemDrawer } from '../components/items/ItemDrawer';
import { EMPTY_FILTERS, ItemFilters, type ItemFilterState } from '../components/items/ItemFilters';
import { ItemsEmpty } from '../components/items/ItemsEmpty';
import { ItemTable, type SortState } from '../components/items/ItemTable';
import { ListOutputButtons } from '../components/items/ListOutputButtons';
import { BreakDownButton } from '../components/items/BreakDownButton';
import { UpperLinksModal } from '../components/items/UpperLinksModal';
import { NewItemModal } from '../components/items/NewItemModal';
import { BulkEditBar } from '../components/items/BulkEditBar';
import { UrgeButton } from '../components/followup/UrgeButton';
import { useRowSelection } from '../hooks/use-row-selection';
import type { SortField } from '../components/items/columns';
import { useAppInfo } from '../hooks/use-app-info';
import { useColumnPrefs } from '../hooks/use-column-prefs';
import { usePlans, useUnits } from '../hooks/use-directory';
import { useItemPages, type ItemFilterQuery } from '../hooks/use-item-pages';

const DEFAULT_SORT: SortState = { field: 'order', desc: false };

/** Filters from a link such as #/tasks?unit=12&role=lead&overdue=1 (see `listHref`). */
function filtersFromHash(): ItemFilterState {
  const f = parseListFilters();
  return {
    planId: f.plan ?? null,
    sectionId: f.section ?? null,
    unitId: f.unit ?? null,
    role: f.role ?? null,
    statuses: f.status ?? [],
    deadlineFrom: f.from ?? '',
    deadlineTo: f.to ?? '',
    overdue: !!f.overdue,
    keyword: f.q ?? '',
    lights: f.light ?? [],
    origin: null,
    closure: f.closure ?? null,
  };
}

function toQuery(kind: ItemKind, f: ItemFilterState, sort: SortState): ItemFilterQuery {
  return {
    kind,
    planId: f.planId ?? undefined,
    sectionId: f.sectionId ?? undefined,
    unitId: f.unitId ?? undefined,
    role: f.role ?? undefined,
    statuses: f.statuses.length ? f.statuses : undefined,
    deadlineFrom: f.deadlineFrom || undefined,
    deadlineTo: f.deadlineTo || undefined,
    overdue: f.overdue || undefined,
    keyword: f.keyword.trim() || undefined,
    origin: f.origin ?? undefined,
    closure: f.closure ?? undefined,
    levels: f.lights.length ? f.lights : undefined,
    sort: sort.field,
    desc: sort.desc,
  };
}

function nextSort(sort: SortState, field: SortField): SortState {
  if (sort.field !== field) return { field, desc: false };
  return sort.desc ? DEFAULT_SORT : { field, desc: true };
}

/** 任务清单 / 项目清单 / 政策清单 / 指标: a filtered, sorted, virtualized list and the detail drawer. */
export function ItemsPage({ kind }: { kind: ItemKind }) {
  const { info, refresh } = useAppInfo();
  const { plans, reload: reloadPlans } = usePlans();
  const { units, reload: reloadUnits } = useUnits();
  const prefs = useColumnPrefs(kind);
  const [filters, setFilters] = useState<ItemFilterState>(filtersFromHash);
  const [keyword] = useDebouncedValue(filters.keyword, 250);
  const [sort, setSort] = useState<SortState>(DEFAULT_SORT);
  const query = useMemo(() => toQuery(kind, { ...filters, keyword }, sort), [kind, filters, keyword, sort]);
  const pages = useItemPages(query);
  const [openId, setOpenId] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const [linking, setLinking] = useState(false);
  const keywordRef = useRef<HTMLInputElement>(null);
  const selection = useRowSelection(JSON.stringify(query));
  const label = ROUTES.find((r) => 'kind' in r && r.kind === kind)?.label ?? '';
  useHotkeys([['mod+F', () => keywordRef.current?.focus()]], []);
  useEffect(() => {
    const follow = () => setFilters(filtersFromHash());
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);

  const changed = () => (pages.reload(), void refresh());
  const filtered = JSON.stringify(filters) !== JSON.stringify(EMPTY_FILTERS);
  const empty = pages.total === 0;

  return (
    <Stack gap="xs" style={{ flex: 1, minHeight: 0 }}>
      <Group justify="space-between" wrap="nowrap">
        <Group gap="sm" align="baseline">
          <Title order={3}>{label}</Title>
          <Text size="sm" c="dimmed" aria-live="polite" data-testid="item-total">
            {pages.total === null ? '正在读取…' : `共 ${pages.total} 条`}
          </Text>
        </Group>
        <Group gap="xs">
          <UrgeButton selection={selection} query={query} units={units} onDone={changed} />
          <ColumnChooser prefs={prefs} />
          <BreakDownButton query={query} onDone={changed} />
          <Button size="xs" variant="default" onClick={() => setLinking(true)}>
            关联上级
          </Button>
          <ListOutputButtons query={query} columns={prefs.visible.map((c) => c.key)} hasLightFilter={filters.lights.length > 0} />
          <Button size="xs" onClick={() => setCreating(true)}>
            新增
          </Button>
        </Group>
      </Group>
      <ItemFilters
        value={filters}
        onChange={setFilters}
        plans={plans}
        units={units}
        keywordRef={keywordRef}
        scheme={info?.settings.lightScheme ?? '红黄绿'}
      />
      {pages.error && <Text c="red" size="sm">{pages.error}</Text>}
      <BulkEditBar selection={selection} query={query} total={pages.total ?? 0} units={units} onDone={changed} />
      {empty ? (
        <ItemsEmpty
          kind={kind}
          filtered={filtered}
          dbEmpty={!!info && Object.values(info.counts).every((n) => n === 0)}
          onClear={() => setFilters(EMPTY_FILTERS)}
          onNew={() => setCreating(true)}
          onLoaded={() => (changed(), void reloadPlans(), void reloadUnits())}
        />
      ) : (
        <ItemTable
          label={label}
          columns={prefs.visible}
          pages={pages}
          queryKey={JSON.stringify(query)}
          sort={sort}
          onSort={(field) => setSort((s) => nextSort(s, field))}
          onResize={prefs.setWidth}
          onOpen={(row) => setOpenId(row.id)}
          selection={selection}
        />
      )}
      <ItemDrawer itemId={openId} plans={plans} units={units} onClose={() => setOpenId(null)} onChanged={changed} />
      <NewItemModal
        kind={kind}
        opened={creating}
        planId={filters.planId}
        sectionId={filters.sectionId}
        onClose={() => setCreating(false)}
        onCreated={(item) => (setCreating(false), changed(), setOpenId(item.id))}
      />
      <UpperLinksModal kind={kind} opened={linking} onClose={() => setLinking(false)} onDone={changed} />
    </Stack>
  );
}
