import { Alert, Badge, Button, Group, Select, Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { Period } from '../../../shared/contract/schemas/periods';
import { IssuePanel } from '../components/dispatch/IssuePanel';
import { MissingPanel } from '../components/dispatch/MissingPanel';
import { PeriodsPanel } from '../components/dispatch/PeriodsPanel';
import { ReturnsPanel } from '../components/dispatch/ReturnsPanel';
import { SummaryPanel } from '../components/dispatch/SummaryPanel';
import { chineseDate } from '../components/common/date-text';
import { reportingText, usePeriods } from '../components/dispatch/use-periods';
import { useAppInfo } from '../hooks/use-app-info';

const TABS = [
  { value: 'periods', label: '期次' },
  { value: 'issue', label: '下发模板' },
  { value: 'returns', label: '收回报送' },
  { value: 'missing', label: '催报' },
  { value: 'summary', label: '汇总与上报' },
] as const;
type Tab = (typeof TABS)[number]['value'];

function tabFromHash(): Tab {
  const t = /[?&]tab=([\w-]+)/.exec(location.hash)?.[1];
  return TABS.find((x) => x.value === t)?.value ?? 'periods';
}

function NeedPeriod({ onOpen }: { onOpen(): void }) {
  return (
    <Alert color="gray" title="请先开启调度期次">
      <Text size="sm" mb="xs">下发模板、收回报送、催报和汇总都按期次进行。</Text>
      <Button size="xs" onClick={onOpen}>去开启期次</Button>
    </Alert>
  );
}

/** 调度填报: periods, issuing templates, bringing returns back, 催报, 汇总表 and 上报, one tab each. */
export function DispatchPage() {
  const { info, refresh } = useAppInfo();
  const { periods, loaded, reload } = usePeriods();
  const [tab, setTab] = useState<Tab>(tabFromHash);
  const [chosenId, setChosenId] = useState<number | null>(null);
  const [stamp, setStamp] = useState(0);
  const period: Period | null =
    periods.find((p) => p.id === chosenId) ?? periods.find((p) => p.id === info?.currentPeriod?.id) ?? periods[0] ?? null;
  // Keep the tab in the address, so 返回 from a print preview comes back to it.
  const choose = (v: string | null) => v && (setTab(v as Tab), history.replaceState(null, '', `#/dispatch?tab=${v}`));
  const changed = async (openedId?: number) => {
    if (openedId) setChosenId(openedId);
    setStamp((n) => n + 1);
    await Promise.all([reload(), refresh()]);
  };

  return (
    <Stack p="md" gap="sm" style={{ flex: 1, minHeight: 0, overflowY: 'auto' }}>
      <Group justify="space-between">
        <Title order={3}>调度填报</Title>
        {period && (
          <Group gap="xs">
            <Select
              size="xs"
              w={220}
              aria-label="查看期次"
              allowDeselect={false}
              data={periods.map((p) => ({ value: String(p.id), label: `${p.name}${p.closed ? '（已结束）' : ''}` }))}
              value={String(period.id)}
              onChange={(v) => v && setChosenId(Number(v))}
            />
            <Badge variant="light" color={period.closed ? 'gray' : 'teal'} radius="sm">
              {period.closed ? '■ 已结束' : '● 进行中'}
            </Badge>
            <Text size="sm" c="dimmed">
              {chineseDate(period.startDate)} 至 {chineseDate(period.endDate)}，{chineseDate(period.dueDate)} 截止；报送 {reportingText(period)}
            </Text>
          </Group>
        )}
      </Group>
      <Tabs value={tab} onChange={choose} keepMounted={false}>
        <Tabs.List>
          {TABS.map((t) => (
            <Tabs.Tab key={t.value} value={t.value}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="periods" pt="sm">
          {loaded && <PeriodsPanel periods={periods} selectedId={period?.id ?? null} onSelect={setChosenId} onChanged={changed} />}
        </Tabs.Panel>
        {TABS.filter((t) => t.value !== 'periods').map((t) => (
          <Tabs.Panel key={t.value} value={t.value} pt="sm">
            {!loaded ? null : !period ? (
              <NeedPeriod onOpen={() => choose('periods')} />
            ) : t.value === 'issue' ? (
              <IssuePanel period={period} onIssued={changed} />
            ) : t.value === 'returns' ? (
              <ReturnsPanel period={period} onApplied={changed} />
            ) : t.value === 'missing' ? (
              <MissingPanel period={period} stamp={stamp} />
            ) : (
              <SummaryPanel period={period} />
            )}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
