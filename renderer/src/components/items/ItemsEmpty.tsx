import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { ITEM_KIND_LABELS, type ItemKind } from '../../../../shared/contract/schemas/items';
import { call } from '../../api/client';
import { notifyOk } from '../../app/notify';
import { useBusy } from '../../hooks/use-busy';

interface Props {
  kind: ItemKind;
  /** A filter is set: the list is empty because of it. */
  filtered: boolean;
  /** The whole database has no items: offer the demo data. */
  dbEmpty: boolean;
  onClear(): void;
  onNew(): void;
  onLoaded(): void;
}

/** An empty list says why and what to do next. */
export function ItemsEmpty({ kind, filtered, dbEmpty, onClear, onNew, onLoaded }: Props) {
  const { busy, run } = useBusy();
  const label = ITEM_KIND_LABELS[kind];

  async function loadDemo() {
    await run(async () => {
      const r = await call('demo:load', { cycle: true });
      notifyOk(`已载入示例数据：方案 ${r.plans} 个，条目 ${r.items} 条，单位 ${r.units} 个，调度 ${r.periods ?? 0} 期${r.pendingReturn ? `；一份待导入的报送文件在 ${r.pendingReturn}` : ''}`);
      onLoaded();
    });
  }

  if (filtered) {
    return (
      <Paper withBorder p="xl">
        <Stack align="flex-start" gap="xs">
          <Text fw={600}>没有符合筛选条件的{label}</Text>
          <Text size="sm" c="dimmed">放宽或清除筛选条件再看看。</Text>
          <Button size="xs" variant="light" onClick={onClear}>清除筛选</Button>
        </Stack>
      </Paper>
    );
  }
  return (
    <Paper withBorder p="xl">
      <Stack align="flex-start" gap="xs" maw={560}>
        <Title order={4}>还没有{label}</Title>
        <Text size="sm">
          可以导入上级下发的清单（Excel 或方案文本），{dbEmpty ? '或载入示例数据熟悉功能，' : ''}也可以逐条新增。
        </Text>
        <Group gap="xs">
          <Button size="xs" component="a" href="#/import">导入上级清单</Button>
          {dbEmpty && <Button size="xs" variant="light" loading={busy} onClick={loadDemo}>载入示例数据</Button>}
          <Button size="xs" variant="default" onClick={onNew}>新增{label}</Button>
        </Group>
      </Stack>
    </Paper>
  );
}
