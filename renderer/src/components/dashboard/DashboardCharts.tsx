import { BarChart, DonutChart } from '@mantine/charts';
import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { Dashboard, DashboardGroup } from '../../../../shared/contract/schemas/dashboard';
import { LIGHT_LEVELS, type LightLevel } from '../../../../shared/contract/schemas/lights';
import { listHref, type ListFilters } from '../../app/routes';
import { levelColor, levelLabel, lightSeries, shortPlan } from './light-series';

const go = (href: string) => (location.hash = href);

/** Light donut with a clickable legend: each level opens the list filtered to it. */
export function LightDonut({ d }: { d: Dashboard }) {
  const total = LIGHT_LEVELS.reduce((n, l) => n + d.lights[l], 0);
  const data = LIGHT_LEVELS.filter((l) => d.lights[l] > 0).map((l) => ({ name: levelLabel(d.scheme, l), value: d.lights[l], color: levelColor(d.scheme, l) }));
  return (
    <Card withBorder padding="sm" data-testid="light-donut">
      <Title order={5}>亮灯情况</Title>
      <Group wrap="nowrap" align="center" gap="md" mt={4}>
        <DonutChart data={data} size={150} thickness={26} chartLabel={`${total} 项`} withTooltip tooltipDataSource="segment" />
        <Stack gap={4}>
          {LIGHT_LEVELS.map((l) => (
            <Group key={l} gap={6} wrap="nowrap">
              <Anchor href={listHref(d.kind, { light: [l] })} size="sm" data-testid={`light-${l}`}>
                {levelLabel(d.scheme, l)}
              </Anchor>
              <Text size="sm" fw={700}>{d.lights[l]}</Text>
            </Group>
          ))}
        </Stack>
      </Group>
    </Card>
  );
}

interface BarsProps {
  title: string;
  note?: string;
  d: Dashboard;
  groups: readonly DashboardGroup[];
  /** The list filter a bar opens. */
  filter: (g: DashboardGroup) => ListFilters;
  label: (g: DashboardGroup) => string;
  testId: string;
}

/** Horizontal stacked bars of light counts per plan or unit; clicking a bar opens that group's list. */
export function GroupBars({ title, note, d, groups, filter, label, testId }: BarsProps) {
  const data = groups.map((g) => ({ ...g, name: label(g) }));
  const height = Math.max(140, data.length * 26 + 50);
  return (
    <Card withBorder padding="sm" data-testid={testId}>
      <Group justify="space-between">
        <Title order={5}>{title}</Title>
        {note && <Text size="xs" c="dimmed">{note}</Text>}
      </Group>
      {data.length === 0 ? (
        <Text size="sm" c="dimmed" mt="xs">暂无数据</Text>
      ) : (
        <BarChart
          h={height}
          mt={4}
          data={data}
          dataKey="name"
          type="stacked"
          orientation="vertical"
          series={lightSeries(d.scheme)}
          withLegend
          legendProps={{ verticalAlign: 'bottom', height: 28, itemSorter: (item) => LIGHT_LEVELS.indexOf(item.dataKey as LightLevel) }}
          yAxisProps={{ width: 150, interval: 0, tick: { fontSize: 12 } }}
          gridAxis="x"
          maxBarWidth={18}
          barProps={{
            cursor: 'pointer',
            onClick: (entry: unknown) => {
              const g = groups.find((x) => label(x) === (entry as { payload?: { name?: string } }).payload?.name);
              if (g) go(listHref(d.kind, filter(g)));
            },
          }}
        />
      )}
    </Card>
  );
}

/** Plans and lead units as bars. */
export function GroupCharts({ d }: { d: Dashboard }) {
  return (
    <>
      <GroupBars title="按方案" d={d} groups={d.byPlan} testId="chart-by-plan" label={(g) => shortPlan(g.name)} filter={(g) => (g.id ? { plan: g.id } : {})} />
      <GroupBars
        title="按牵头单位"
        note={d.withoutLead ? `另有 ${d.withoutLead} 项按职责分工负责，未计入` : undefined}
        d={d}
        groups={d.byUnit}
        testId="chart-by-unit"
        label={(g) => g.name}
        filter={(g) => ({ unit: g.id ?? undefined, role: 'lead' })}
      />
    </>
  );
}
