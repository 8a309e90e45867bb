import { Anchor, Button, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import type { Dashboard } from '../../../../shared/contract/schemas/dashboard';
import type { LightChange } from '../../../../shared/contract/schemas/lights';
import { call } from '../../api/client';
import { notifyOk } from '../../app/notify';
import { useBusy } from '../../hooks/use-busy';
import { LightChip } from './LightChip';
import { codeTitle } from '../../../../shared/contract/item-code';

function Changes({ title, scheme, items }: { title: string; scheme: string; items: readonly LightChange[] }) {
  if (!items.length) return null;
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">{title}</Text>
      {items.map((c) => (
        <Group key={c.id} gap={4} wrap="nowrap">
          {c.before && <LightChip scheme={scheme} level={c.before} reason={c.reasonBefore} />}
          <Text size="xs">→</Text>
          <LightChip scheme={scheme} level={c.after} reason={c.reasonAfter} />
          <Text size="sm" truncate title={c.title}>{codeTitle(c.code, c.title)}</Text>
        </Group>
      ))}
    </Stack>
  );
}

/** Records the period's lights now, so the next period can be compared with it. */
function SnapshotButton({ periodId, onDone }: { periodId: number; onDone: () => void }) {
  const { busy, run } = useBusy();
  async function take() {
    await run(async () => {
      const r = await call('lights:snapshot', { periodId });
      notifyOk(`已记录本期亮灯快照：${r.items} 项（逾期或严重滞后 ${r.counts.bad}，需关注 ${r.counts.warn}，正常推进 ${r.counts.good}，已完成 ${r.counts.done}）`);
      onDone();
    });
  }
  return (
    <Button size="compact-xs" variant="light" loading={busy} onClick={take} title="结束本期或导入回收文件后记录一次，下期即可比较好转与变差">
      记录本期亮灯快照
    </Button>
  );
}

/** This period: reporting rate (units reported / units asked) and lights changed since the last period. */
export function PeriodPanel({ d, onChanged }: { d: Dashboard; onChanged: () => void }) {
  if (!d.period || !d.reporting) {
    return (
      <Card withBorder padding="sm" data-testid="period-panel">
        <Title order={5}>本期调度</Title>
        <Text size="sm" c="dimmed" mt={4}>还没有开启调度期次。到“调度填报”开启一期，下发填报模板后，这里显示报送率和较上期的变化。</Text>
        <Anchor href="#/dispatch" size="sm">去开启调度期次 →</Anchor>
      </Card>
    );
  }
  const r = d.reporting;
  const pct = r.rate === null ? 0 : Math.round(r.rate * 100);
  const c = d.changes;
  return (
    <Card withBorder padding="sm" data-testid="period-panel">
      <Group justify="space-between">
        <Title order={5}>本期调度：{d.period.name}</Title>
        <Text size="xs" c="dimmed">报送截止 {d.period.dueDate}{d.period.closed ? '（已结束）' : ''}</Text>
      </Group>
      <Group gap="xs" mt={6} align="baseline">
        <Text size="sm">报送率</Text>
        <Text fw={700} size="lg" data-testid="reporting-rate">{r.rate === null ? '—' : `${pct}%`}</Text>
        <Text size="sm" c="dimmed">
          {r.reported} / {r.expected} 个单位已报送（{r.basis === 'issued' ? '按已下发模板的单位' : '尚未下发模板，按牵头/负责单位'}）
        </Text>
      </Group>
      <Progress value={pct} mt={4} aria-label="报送率" />
      {r.missing.length > 0 && (
        <Text size="xs" c="dimmed" mt={4}>未报送：{r.missing.join('、')}{r.expected - r.reported > r.missing.length ? ' 等' : ''}</Text>
      )}
      <Group justify="space-between" mt="sm" wrap="nowrap">
        <Text size="sm" data-testid="changes">
          {c?.previous
            ? `较上期（${c.previous}）：好转 ${c.improved} 项，变差 ${c.worsened} 项，持平 ${c.unchanged} 项`
            : '上期尚无亮灯快照，记录本期快照后，下期即可比较'}
        </Text>
        <SnapshotButton periodId={d.period.id} onDone={onChanged} />
      </Group>
      {c && (
        <Stack gap={6} mt={4}>
          <Changes title="好转" scheme={d.scheme} items={c.improvedItems} />
          <Changes title="变差" scheme={d.scheme} items={c.worsenedItems} />
        </Stack>
      )}
    </Card>
  );
}
