import { Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { EvaluationRow, EvaluationWeights } from '../../../../shared/contract/schemas/evaluation';

function List({ title, color, rows, why, empty }: { title: string; color: string; rows: EvaluationRow[]; why(r: EvaluationRow): string; empty: string }) {
  return (
    <Paper withBorder p="sm" style={{ borderTop: `4px solid var(--mantine-color-${color}-6)` }} aria-label={title}>
      <Title order={5} c={`${color}.8`} mb="xs">
        {title}（{rows.length} 个单位）
      </Title>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">{empty}</Text>
      ) : (
        <Table fz="sm" verticalSpacing={3} data-testid={title}>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.unitId}>
                <Table.Td w={72} style={{ whiteSpace: 'nowrap' }}>第 {r.rank} 名</Table.Td>
                <Table.Th scope="row" fw={500}>{r.unitName}</Table.Th>
                <Table.Td w={70} ta="right" fw={700}>{r.score.toFixed(1)} 分</Table.Td>
                <Table.Td c="dimmed">{why(r)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

/** 红黄榜: commended and criticised units with why, and the rules that put them there. */
export function HonourLists({ rows, weights }: { rows: readonly EvaluationRow[]; weights: EvaluationWeights }) {
  const w = weights;
  return (
    <Stack gap="xs">
      <SimpleGrid cols={2} spacing="sm">
        <List title="红榜" color="red" rows={rows.filter((r) => r.list === 'commend')} why={(r) => `按时报送率 ${r.onTimeRate ?? '—'}%，绿灯占比 ${r.greenShare ?? '—'}%`} empty="没有单位达到红榜条件" />
        <List title="黄榜" color="yellow" rows={rows.filter((r) => r.list === 'criticise')} why={(r) => r.listReasons.join('；')} empty="没有单位上黄榜" />
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        红榜：{w.commendTopN ? `前 ${w.commendTopN} 名` : '不限名次'}且得分不低于 {w.commendMinScore} 分。黄榜（不含红榜单位）：
        {[w.criticiseBottomN ? `排名后 ${w.criticiseBottomN} 位` : '', w.criticiseBelowScore ? `得分低于 ${w.criticiseBelowScore} 分` : '', w.criticiseRedLights ? `红灯超过 ${w.criticiseRedLights} 个（灯次）` : '']
          .filter(Boolean)
          .join('，或') || '未设条件'}
        。同分同名次。
      </Text>
    </Stack>
  );
}
