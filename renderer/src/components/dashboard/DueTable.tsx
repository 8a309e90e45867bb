import { Anchor, Card, Group, Table, Text, Title } from '@mantine/core';
import type { DashboardItem } from '../../../../shared/contract/schemas/dashboard';
import { LightChip } from './LightChip';

interface Props {
  title: string;
  scheme: string;
  total: number;
  rows: readonly DashboardItem[];
  /** 逾期 12 天 / 剩 10 天 */
  daysText: (days: number) => string;
  /** The full filtered list. */
  href: string;
  testId: string;
  empty: string;
}

/** Overdue or due-soon items, the first N with a link to the whole filtered list. */
export function DueTable({ title, scheme, total, rows, daysText, href, testId, empty }: Props) {
  return (
    <Card withBorder padding="sm" data-testid={testId}>
      <Group justify="space-between" mb={4}>
        <Title order={5}>
          {title}
          <Text span c="dimmed" size="sm" ml={6}>共 {total} 项</Text>
        </Title>
        {total > 0 && <Anchor href={href} size="sm">查看全部 →</Anchor>}
      </Group>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">{empty}</Text>
      ) : (
        <Table striped highlightOnHover withTableBorder fz="sm" verticalSpacing={4} horizontalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={70}>亮灯</Table.Th>
              <Table.Th w={56}>编号</Table.Th>
              <Table.Th>名称</Table.Th>
              <Table.Th w={150}>牵头单位</Table.Th>
              <Table.Th w={100}>完成时限</Table.Th>
              <Table.Th w={80}>天数</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td><LightChip scheme={scheme} level={r.level} reason={r.reason} /></Table.Td>
                <Table.Td>{r.code}</Table.Td>
                <Table.Td title={r.title} style={{ maxWidth: 260, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{r.title}</Table.Td>
                <Table.Td style={{ maxWidth: 150, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={r.lead}>{r.lead || '—'}</Table.Td>
                <Table.Td>{r.deadlineText || r.deadlineDate}</Table.Td>
                <Table.Td>{daysText(r.days)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
