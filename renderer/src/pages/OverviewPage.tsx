import '@mantine/charts/styles.css';
import { Alert, Button, Group, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ITEM_KINDS, type ItemKind } from '../../../shared/contract/schemas/items';
import { call } from '../api/client';
import { notifyOk } from '../app/notify';
import { listHref, ROUTES } from '../app/routes';
import { GroupCharts, LightDonut } from '../components/dashboard/DashboardCharts';
import { DueTable } from '../components/dashboard/DueTable';
import { OpenInstructionsCard } from '../components/dashboard/OpenInstructionsCard';
import { ExtensionRequestsCard } from '../components/followup/ExtensionRequestsCard';
import { PeriodPanel } from '../components/dashboard/PeriodPanel';
import { KindCards, KindStats } from '../components/dashboard/StatCards';
import { useAppInfo } from '../hooks/use-app-info';
import { useBusy } from '../hooks/use-busy';
import { useDashboard } from '../hooks/use-dashboard';

const KIND_OPTIONS = ITEM_KINDS.map((k) => ({ value: k, label: ROUTES.find((r) => 'kind' in r && r.kind === k)?.label ?? k }));

function EmptyState({ onLoaded }: { onLoaded: () => Promise<void> }) {
  const { busy, run } = useBusy();
  async function loadDemo() {
    await run(async () => {
      const r = await call('demo:load', { cycle: true });
      notifyOk(`已载入示例数据：方案 ${r.plans} 个，章节 ${r.sections} 个，条目 ${r.items} 条，单位 ${r.units} 个，调度 ${r.periods ?? 0} 期，报送 ${r.reports ?? 0} 条${r.pendingReturn ? `；一份待导入的报送文件在 ${r.pendingReturn}` : ''}`);
      await onLoaded();
    });
  }
  return (
    <Stack p="xl" maw={640}>
      <Title order={3}>还没有任何清单</Title>
      <Text>可以先导入上级下发的清单（Excel 或方案文本），或载入示例数据（湖南省“七大攻坚”七个实施方案的 150 项任务，连同两期调度、各单位报送和亮灯）熟悉功能。</Text>
      <Group>
        <Button component="a" href="#/import">导入上级清单</Button>
        <Button variant="light" loading={busy} onClick={loadDemo}>载入示例数据</Button>
      </Group>
    </Stack>
  );
}

/** 概览: counts, lights, plans and units, overdue and due-soon items, this period's reporting; every number opens its list. */
export function OverviewPage() {
  const { info, refresh } = useAppInfo();
  const [kind, setKind] = useState<ItemKind>('task');
  const total = info ? ITEM_KINDS.reduce((n, k) => n + info.counts[k], 0) : 0;
  const { data: d, error, reload } = useDashboard(kind, JSON.stringify(info?.counts ?? {}));

  if (info && total === 0) return <EmptyState onLoaded={refresh} />;
  return (
    <Stack p="md" gap="sm" style={{ flex: 1, minHeight: 0, overflowY: 'auto' }}>
      <Group justify="space-between">
        <Title order={3}>概览</Title>
        <Group gap="sm">
          {d && <Text size="sm" c="dimmed">截至 {d.today}</Text>}
          <SegmentedControl size="xs" value={kind} onChange={(v) => setKind(v as ItemKind)} data={KIND_OPTIONS} aria-label="清单" />
        </Group>
      </Group>
      <KindCards counts={info?.counts ?? {}} />
      {error && <Alert color="red" title="概览读取失败">{error}</Alert>}
      {d && (
        <>
          <KindStats d={d} />
          <SimpleGrid cols={2} spacing="sm">
            <LightDonut d={d} />
            <Stack gap="sm">
              <PeriodPanel d={d} onChanged={reload} />
              <OpenInstructionsCard refreshKey={JSON.stringify(info?.counts ?? {})} />
            </Stack>
          </SimpleGrid>
          <ExtensionRequestsCard refreshKey={JSON.stringify(info?.counts ?? {})} onDecided={reload} />
          <SimpleGrid cols={2} spacing="sm">
            <GroupCharts d={d} />
          </SimpleGrid>

          <SimpleGrid cols={2} spacing="sm">
            <DueTable title="逾期未完成" scheme={d.scheme} total={d.overdue.total} rows={d.overdue.rows} daysText={(n) => `逾期 ${n} 天`} href={listHref(d.kind, { overdue: true })} testId="overdue-table" empty="没有逾期未完成的条目" />
            <DueTable
              title={`${d.dueSoon.days} 天内到期`}
              scheme={d.scheme}
              total={d.dueSoon.total}
              rows={d.dueSoon.rows}
              daysText={(n) => (n === 0 ? '今天到期' : `剩 ${n} 天`)}
              href={listHref(d.kind, { from: d.today, to: d.dueSoon.until, status: ['not_started', 'in_progress', 'suspended'] })}
              testId="due-soon-table"
              empty="近期没有到期的条目"
            />
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
