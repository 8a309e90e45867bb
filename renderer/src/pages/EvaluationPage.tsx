import { Alert, Badge, Button, Group, Select, Stack, Tabs, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { EvaluationWeights } from '../../../shared/contract/schemas/evaluation';
import type { ItemKind } from '../../../shared/contract/schemas/items';
import { call } from '../api/client';
import { notifyError, notifyOk } from '../app/notify';
import { EvaluationTable } from '../components/evaluation/EvaluationTable';
import type { EvalSort } from '../components/evaluation/evaluation-columns';
import { HonourLists } from '../components/evaluation/HonourLists';
import { TrendCharts } from '../components/evaluation/TrendCharts';
import { useEvaluationTable, useEvaluationTrend, usePeriodsRange } from '../components/evaluation/use-evaluation';
import { WeightsEditor } from '../components/evaluation/WeightsEditor';
import { useBusy } from '../hooks/use-busy';
import { usePlans } from '../hooks/use-directory';
import { saveBytes } from '../platform/files';
import { evaluationPrintHash } from '../print/EvaluationPrint';

const KINDS = [
  { value: 'task', label: '任务' },
  { value: 'project', label: '项目' },
  { value: 'policy', label: '政策' },
];

const SOURCE = { snapshot: '快照', kept: '当前亮灯', judged: '按期末判定' } as const;

/** 考评: units over a range of periods, scored with the office's weights; 红黄榜; trends; export and print. */
export function EvaluationPage() {
  const range = usePeriodsRange();
  const { plans } = usePlans();
  const [fromId, setFromId] = useState<number | null>(null);
  const [toId, setToId] = useState<number | null>(null);
  const [planId, setPlanId] = useState<number | null>(null);
  const [kind, setKind] = useState<ItemKind | null>(null);
  const [saved, setSaved] = useState<EvaluationWeights | null>(null);
  const [weights, setWeights] = useState<EvaluationWeights | null>(null);
  const [showWeights, setShowWeights] = useState(false);
  const [sort, setSort] = useState<EvalSort>({ key: 'score', desc: true });
  const [trendUnit, setTrendUnit] = useState<number | null>(null);
  const { busy, run } = useBusy();
  useEffect(() => {
    call('app:info', {}).then((i) => (setSaved(i.settings.evaluationWeights), setWeights(i.settings.evaluationWeights)), notifyError);
  }, []);
  useEffect(() => {
    setFromId(range.from);
    setToId(range.to);
  }, [range.from, range.to]);
  const choice = { fromId, toId, planId, kind, weights };
  const table = useEvaluationTable(choice);
  const trend = useEvaluationTrend(choice, trendUnit);
  const options = range.periods.map((p) => ({ value: String(p.id), label: `${p.name}${p.closed ? '' : '（进行中）'}` }));
  const dirty = JSON.stringify(saved) !== JSON.stringify(weights);

  const save = () =>
    run(async () => {
      const s = await call('settings:set', { evaluationWeights: weights! });
      setSaved(s.evaluationWeights);
      notifyOk('已保存考评权重');
    });
  const exportXlsx = () =>
    run(async () => {
      const f = await call('evaluation:export', { fromPeriodId: fromId!, toPeriodId: toId!, planId: planId ?? undefined, kind: kind ?? undefined, weights: weights! });
      if (await saveBytes(f.fileName, f.bytes)) notifyOk(`已导出「${f.fileName}」，${table?.rows.length ?? 0} 个单位`);
    });

  if (range.periods.length === 0)
    return (
      <Stack p="md">
        <Title order={3}>考评</Title>
        <Alert color="gray" title="还没有调度期次">考评按期次统计各单位的报送、亮灯和督办情况，请先在「调度填报」开启期次。</Alert>
      </Stack>
    );
  return (
    <Stack p="md" gap="xs" style={{ flex: 1, minHeight: 0, overflowY: 'auto' }}>
      <Group justify="space-between" gap="xs">
        <Title order={3}>考评</Title>
        <Group gap="xs">
          <Select size="xs" w={180} label="起始期次" data={options} value={fromId ? String(fromId) : null} onChange={(v) => v && setFromId(Number(v))} allowDeselect={false} />
          <Select size="xs" w={180} label="截止期次" data={options} value={toId ? String(toId) : null} onChange={(v) => v && setToId(Number(v))} allowDeselect={false} />
          <Select size="xs" w={180} label="方案" placeholder="全部方案" clearable searchable data={plans.map((p) => ({ value: String(p.id), label: p.title }))} value={planId ? String(planId) : null} onChange={(v) => setPlanId(v ? Number(v) : null)} />
          <Select size="xs" w={96} label="类别" placeholder="全部" clearable data={KINDS} value={kind} onChange={(v) => setKind(v as ItemKind | null)} />
          <Button size="xs" mt={18} variant={showWeights ? 'filled' : 'light'} onClick={() => setShowWeights((s) => !s)}>权重设置</Button>
          <Button size="xs" mt={18} variant="light" loading={busy} disabled={!table?.rows.length} onClick={() => void exportXlsx()}>导出 Excel</Button>
          <Button size="xs" mt={18} variant="default" component="a" href={fromId && toId && weights ? evaluationPrintHash({ fromId, toId, planId, kind, weights }) : undefined}>打印</Button>
        </Group>
      </Group>
      {showWeights && weights && <WeightsEditor value={weights} onChange={setWeights} onSave={() => void save()} saving={busy} dirty={dirty} />}
      {table && (
        <Group gap={6}>
          <Text size="xs" c="dimmed">范围：{table.scope}；</Text>
          {table.periods.map((p) => (
            <Badge key={p.id} size="sm" variant="light" color={p.closed ? 'gray' : 'blue'}>{p.name} · 亮灯{SOURCE[p.lightSource]}</Badge>
          ))}
          <Text size="xs" c="dimmed">逾期事项计至 {table.asOf}；灯数为各期合计（灯次）</Text>
        </Group>
      )}
      <Tabs defaultValue="table" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="table">考评表</Tabs.Tab>
          <Tabs.Tab value="lists">红黄榜</Tabs.Tab>
          <Tabs.Tab value="trend">趋势图</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="table" pt="xs">
          {table && table.rows.length === 0 && <Alert color="gray">所选期次没有需要报送的单位。</Alert>}
          {table && table.rows.length > 0 && <EvaluationTable rows={table.rows} sort={sort} onSort={setSort} />}
        </Tabs.Panel>
        <Tabs.Panel value="lists" pt="xs">
          {table && <HonourLists rows={table.rows} weights={table.weights} />}
        </Tabs.Panel>
        <Tabs.Panel value="trend" pt="xs">
          <Stack gap="xs">
            <Select size="xs" w={260} label="看谁的趋势" placeholder={planId ? '所选方案' : '全部条目'} clearable data={(table?.rows ?? []).map((r) => ({ value: String(r.unitId), label: r.unitName }))} value={trendUnit ? String(trendUnit) : null} onChange={(v) => setTrendUnit(v ? Number(v) : null)} />
            {trend && <TrendCharts trend={trend} />}
          </Stack>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
