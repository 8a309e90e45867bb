import { Anchor, Button, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { ITEM_KINDS, ITEM_KIND_LABELS, type ItemKind } from '../../../../shared/contract/schemas/items';
import type { Period } from '../../../../shared/contract/schemas/periods';
import type { SummaryQuery, SummaryResult } from '../../../../shared/contract/schemas/summary';
import { call } from '../../api/client';
import { notifyOk } from '../../app/notify';
import { useBusy } from '../../hooks/use-busy';
import { saveBytes } from '../../platform/files';
import { bulletinPrintHash, itemsPrintHash } from '../../print/print-route';
import { ReportUpCard } from './ReportUpCard';
import { NO_SUMMARY_FILTER, SummaryFilters, type SummaryFilterValue } from './SummaryFilters';
import { SummaryTable } from './SummaryTable';
import { useSummaryPages } from './use-summary-pages';

type KindChoice = ItemKind | 'all';
const KIND_DATA = [{ value: 'all', label: '全部清单' }, ...ITEM_KINDS.map((k) => ({ value: k, label: `${ITEM_KIND_LABELS[k]}清单` }))];

function toQuery(periodId: number, kind: KindChoice, f: SummaryFilterValue): SummaryQuery {
  return {
    periodId,
    kind: kind === 'all' ? undefined : kind,
    unitId: f.unitId,
    levels: f.levels.length ? f.levels : undefined,
    statuses: f.statuses.length ? f.statuses : undefined,
    keyword: f.keyword.trim() || undefined,
  };
}

function countText(s: SummaryResult): string {
  const shown = s.matched === s.total ? `共 ${s.total} 项` : `筛选出 ${s.matched} 项（本期共 ${s.total} 项）`;
  const asOf = s.lightSource === 'snapshot' ? '亮灯取本期快照' : `亮灯截至 ${s.lightsAsOf}`;
  return `${shown}，其中已填报 ${s.matchedReported} 项；${asOf}`;
}

/** Title, what the table holds, 导出 with the filters shown, and the print views. */
function SummaryHeader({ period, query, printKind }: { period: Period; query: SummaryQuery; printKind: ItemKind }) {
  const { busy, run } = useBusy();
  const exportSummary = () =>
    run(async () => {
      const f = await call('periods:summary-export', query);
      if (await saveBytes(f.fileName, f.bytes)) notifyOk(`已导出「${f.fileName}」`);
    });
  return (
    <Group justify="space-between" align="flex-start" mb="xs">
      <div>
        <Title order={5}>汇总表</Title>
        <Text size="sm" c="dimmed">
          「{period.name}」下发或报送的每个条目：亮灯、完成时限、填报单位、状态、完成比例和本期填报内容。导出的 Excel 与下表行一致（按当前筛选）。
        </Text>
      </div>
      <Group gap="sm" wrap="nowrap">
        <Button size="xs" loading={busy} onClick={() => void exportSummary()}>
          导出汇总表
        </Button>
        <Anchor size="sm" href={itemsPrintHash({ kind: printKind, title: `${period.name}${ITEM_KIND_LABELS[printKind]}清单` })}>
          打印{ITEM_KIND_LABELS[printKind]}清单 →
        </Anchor>
        <Anchor size="sm" href={bulletinPrintHash(period.id)}>
          打印调度通报 →
        </Anchor>
      </Group>
    </Group>
  );
}

/** 汇总表 of the period: viewed and filtered here, exported with the same rows; its print views, and 上报. */
export function SummaryPanel({ period }: { period: Period }) {
  const [kind, setKind] = useState<KindChoice>('all');
  const [filter, setFilter] = useState<SummaryFilterValue>(NO_SUMMARY_FILTER);
  const [debounced] = useDebouncedValue(filter, 250);
  const query = toQuery(period.id, kind, debounced);
  const { summary, rows, more } = useSummaryPages(query);

  return (
    <Stack gap="md">
      <Paper withBorder p="sm">
        <SummaryHeader period={period} query={query} printKind={kind === 'all' ? 'task' : kind} />
        <Group gap="sm" align="flex-end" mb="xs">
          <SegmentedControl size="xs" data={KIND_DATA} value={kind} onChange={(v) => setKind(v as KindChoice)} aria-label="汇总范围" />
          <SummaryFilters value={filter} onChange={setFilter} units={summary?.units ?? []} scheme={summary?.scheme ?? '红黄绿'} />
        </Group>
        {summary && (
          <Text size="xs" c="dimmed" mb={4} data-testid="summary-count">
            {countText(summary)}
          </Text>
        )}
        {summary && <SummaryTable rows={rows} hasMore={rows.length < summary.matched} onMore={more} />}
      </Paper>
      <ReportUpCard />
    </Stack>
  );
}
