import { Card, SimpleGrid, Text } from '@mantine/core';
import type { Dashboard } from '../../../../shared/contract/schemas/dashboard';
import { ITEM_KIND_LABELS, ITEM_KINDS } from '../../../../shared/contract/schemas/items';
import { listHref } from '../../app/routes';
import { levelLabel } from './light-series';

interface Stat {
  label: string;
  value: string | number;
  href?: string;
  testId: string;
  hint?: string;
  color?: string;
}

function StatCard({ s }: { s: Stat }) {
  const body = (
    <>
      <Text size="sm" c="dimmed">{s.label}</Text>
      <Text size="xl" fw={700} c={s.color} data-testid={s.testId}>{s.value}</Text>
      {s.hint && <Text size="xs" c="dimmed">{s.hint}</Text>}
    </>
  );
  return s.href ? (
    <Card withBorder padding="sm" component="a" href={s.href} aria-label={`${s.label} ${s.value}，查看清单`} style={{ textDecoration: 'none' }}>
      {body}
    </Card>
  ) : (
    <Card withBorder padding="sm">{body}</Card>
  );
}

/** Items per list (each opens its list). */
export function KindCards({ counts }: { counts: Record<string, number> }) {
  return (
    <SimpleGrid cols={4} spacing="sm">
      {ITEM_KINDS.map((k) => (
        <StatCard key={k} s={{ label: ITEM_KIND_LABELS[k], value: counts[k] ?? '—', href: listHref(k), testId: `count-${k}` }} />
      ))}
    </SimpleGrid>
  );
}

/** The selected list's headline numbers: overdue, due soon, red, reporting rate; each opens the filtered list. */
export function KindStats({ d }: { d: Dashboard }) {
  const rate = d.reporting?.rate;
  const stats: Stat[] = [
    { label: '逾期未完成', value: d.overdue.total, href: listHref(d.kind, { overdue: true }), testId: 'overdue-count', color: d.overdue.total ? 'red.7' : undefined, hint: '完成时限已过且未完成' },
    {
      label: `${d.dueSoon.days} 天内到期`,
      value: d.dueSoon.total,
      href: listHref(d.kind, { from: d.today, to: d.dueSoon.until, status: ['not_started', 'in_progress', 'suspended'] }),
      testId: 'due-soon-count',
      hint: `至 ${d.dueSoon.until}，未完成`,
    },
    { label: levelLabel(d.scheme, 'bad'), value: d.lights.bad, href: listHref(d.kind, { light: ['bad'] }), testId: 'bad-count', color: d.lights.bad ? 'red.7' : undefined, hint: '逾期或连续未报送' },
    {
      label: '本期报送率',
      value: rate === undefined || rate === null ? '—' : `${Math.round(rate * 100)}%`,
      href: '#/dispatch',
      testId: 'rate-card',
      hint: d.period ? `${d.period.name}：${d.reporting?.reported ?? 0}/${d.reporting?.expected ?? 0} 个单位` : '尚未开启调度期次',
    },
  ];
  return (
    <SimpleGrid cols={4} spacing="sm">
      {stats.map((s) => <StatCard key={s.testId} s={s} />)}
    </SimpleGrid>
  );
}
