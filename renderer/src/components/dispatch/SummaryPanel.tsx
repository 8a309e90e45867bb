import { Anchor, Button, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ITEM_KINDS, ITEM_KIND_LABELS, type ItemKind } from '../../../../shared/contract/schemas/items';
import type { Period } from '../../../../shared/contract/schemas/periods';
import { call } from '../../api/client';
import { notifyOk } from '../../app/notify';
import { useBusy } from '../../hooks/use-busy';
import { saveBytes } from '../../platform/files';
import { bulletinPrintHash, itemsPrintHash } from '../../print/print-route';
import { ReportUpCard } from './ReportUpCard';

type KindChoice = ItemKind | 'all';
const KIND_DATA = [{ value: 'all', label: '全部清单' }, ...ITEM_KINDS.map((k) => ({ value: k, label: `${ITEM_KIND_LABELS[k]}清单` }))];

/** 汇总表 of the period (styled workbook), its print views, and 上报 to the upper office. */
export function SummaryPanel({ period }: { period: Period }) {
  const [kind, setKind] = useState<KindChoice>('all');
  const { busy, run } = useBusy();
  const printKind: ItemKind = kind === 'all' ? 'task' : kind;

  async function exportSummary() {
    await run(async () => {
      const f = await call('periods:summary-export', { periodId: period.id, kind: kind === 'all' ? undefined : kind });
      if (await saveBytes(f.fileName, f.bytes)) notifyOk(`已导出「${f.fileName}」`);
    });
  }

  return (
    <Stack gap="md">
      <Paper withBorder p="sm">
        <Title order={5}>汇总表</Title>
        <Text size="sm" c="dimmed" mb="xs">
          「{period.name}」各条目的状态、完成比例、本期报送内容和亮灯，按方案、章节排列，A4 横向，可直接打印或上会。
        </Text>
        <Group gap="sm">
          <SegmentedControl size="xs" data={KIND_DATA} value={kind} onChange={(v) => setKind(v as KindChoice)} aria-label="汇总范围" />
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
      </Paper>
      <ReportUpCard />
    </Stack>
  );
}
