import { Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ITEM_KIND_LABELS, ITEM_KINDS } from '../../../shared/contract/schemas/items';
import { call } from '../api/client';
import { notifyError, notifyOk } from '../app/notify';
import { useAppInfo } from '../hooks/use-app-info';

/** 概览: counts, and on an empty database what to do next. */
export function OverviewPage() {
  const { info, refresh } = useAppInfo();
  const [busy, setBusy] = useState(false);
  const total = info ? ITEM_KINDS.reduce((n, k) => n + info.counts[k], 0) : 0;

  async function loadDemo() {
    setBusy(true);
    try {
      const r = await call('demo:load', {});
      notifyOk(`已载入示例数据：方案 ${r.plans} 个，章节 ${r.sections} 个，条目 ${r.items} 条，单位 ${r.units} 个`);
      await refresh();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  }

  if (info && total === 0) {
    return (
      <Stack p="xl" maw={640}>
        <Title order={3}>还没有任何清单</Title>
        <Text>可以先导入上级下发的清单（Excel 或方案文本），或载入示例数据（湖南省“七大攻坚”七个实施方案的 150 项任务）熟悉功能。</Text>
        <Group>
          <Button component="a" href="#/import">导入上级清单</Button>
          <Button variant="light" loading={busy} onClick={loadDemo}>载入示例数据</Button>
        </Group>
      </Stack>
    );
  }
  return (
    <Stack p="md">
      <Title order={3}>概览</Title>
      <SimpleGrid cols={4}>
        {ITEM_KINDS.map((k) => (
          <Card key={k} withBorder>
            <Text size="sm" c="dimmed">{ITEM_KIND_LABELS[k]}</Text>
            <Text size="xl" fw={700} data-testid={`count-${k}`}>{info?.counts[k] ?? '—'}</Text>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
