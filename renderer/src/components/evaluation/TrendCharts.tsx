import { BarChart, LineChart } from '@mantine/charts';
import { Paper, SimpleGrid, Text } from '@mantine/core';
import type { EvaluationTrend } from '../../../../shared/contract/schemas/evaluation';

/** Progress (line) and lights (stacked bars) per period for a plan or a unit. Fixed height: charts measure their box. */
export function TrendCharts({ trend }: { trend: EvaluationTrend }) {
  const silent = trend.points.filter((p) => p.progress === null).map((p) => p.periodName);
  const data = trend.points.map((p) => ({ 期次: p.periodName, 平均进度: p.progress, 红灯: p.red, 黄灯: p.yellow, 绿灯: p.green }));
  return (
    <SimpleGrid cols={2} spacing="sm" data-testid="evaluation-charts">
      <Paper withBorder p="sm" aria-label="平均进度">
        <Text size="sm" fw={600} mb={4}>平均进度（%）：{trend.title}</Text>
        {silent.length > 0 && <Text size="xs" c="dimmed" data-testid="trend-silent">{silent.join('、')}尚无报送，不画进度点。</Text>}
        <LineChart
          h={240}
          data={data}
          dataKey="期次"
          series={[{ name: '平均进度', color: 'blue.6' }]}
          yAxisProps={{ domain: [0, 100] }}
          connectNulls
          withDots
          curveType="linear"
          unit="%"
          withLegend
          legendProps={{ verticalAlign: 'bottom', itemSorter: null }}
        />
      </Paper>
      <Paper withBorder p="sm" aria-label="亮灯">
        <Text size="sm" fw={600} mb={4}>亮灯（项）：{trend.title}</Text>
        <BarChart
          h={240}
          data={data}
          dataKey="期次"
          type="stacked"
          series={[
            { name: '红灯', color: 'red.6' },
            { name: '黄灯', color: 'yellow.5' },
            { name: '绿灯', color: 'teal.6' },
          ]}
          withLegend
          legendProps={{ verticalAlign: 'bottom', itemSorter: null }}
        />
      </Paper>
    </SimpleGrid>
  );
}
