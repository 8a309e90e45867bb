import { Badge, Table, Text, Tooltip } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { ITEM_STATUS_LABELS } from '../../../../shared/contract/schemas/items';
import type { SummaryRow } from '../../../../shared/contract/schemas/summary';

/** Long reported text, kept to a few lines with the whole text on hover. */
function Long({ text }: { text: string }) {
  if (!text) return <Text span size="xs" c="dimmed">—</Text>;
  return (
    <Text size="xs" lineClamp={4} title={text} style={{ whiteSpace: 'pre-line' }}>
      {text}
    </Text>
  );
}

function Light({ light }: { light: SummaryRow['light'] }) {
  return (
    <Tooltip label={light.reason || light.text} withArrow disabled={!light.reason}>
      <Badge color={light.mantine} variant="light" radius="sm" size="sm" aria-label={`${light.color}灯${light.reason ? `：${light.reason}` : ''}`}>
        {light.text}
      </Badge>
    </Tooltip>
  );
}

const HEAD = ['序号', '编号', '名称', '亮灯', '完成时限', '填报单位', '状态', '完成比例', '进展情况', '存在问题', '下步计划'];
const WIDTH: Record<string, number> = { 序号: 44, 编号: 56, 名称: 180, 亮灯: 64, 完成时限: 112, 填报单位: 110, 状态: 64, 完成比例: 64 };

/** The last row while more pages remain: asks for the next page once it scrolls into view. */
function MoreRow({ onMore }: { onMore: () => void }) {
  const ref = useRef<HTMLTableRowElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const seen = new IntersectionObserver((e) => e.some((x) => x.isIntersecting) && onMore());
    seen.observe(el);
    return () => seen.disconnect();
  }, [onMore]);
  return (
    <Table.Tr ref={ref} data-testid="summary-more">
      <Table.Td colSpan={HEAD.length} ta="center">
        <Text span size="xs" c="dimmed">正在读取更多条目…</Text>
      </Table.Td>
    </Table.Tr>
  );
}

/** The 汇总表 as the page shows it: one row per item, light as symbol and word, what each unit reported. Read page by page as it scrolls. */
export function SummaryTable({ rows, hasMore, onMore }: { rows: readonly SummaryRow[]; hasMore: boolean; onMore: () => void }) {
  return (
    <Table.ScrollContainer minWidth={1100} maxHeight="calc(100vh - 330px)">
      <Table striped withTableBorder withColumnBorders stickyHeader verticalSpacing={4} fz="xs" aria-label="汇总表">
        <Table.Thead>
          <Table.Tr>
            {HEAD.map((h) => (
              <Table.Th key={h} w={WIDTH[h]}>
                {h}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r, i) => (
            <Table.Tr key={r.id} data-item-id={r.id}>
              <Table.Td ta="center">{i + 1}</Table.Td>
              <Table.Td ta="center">{r.code}</Table.Td>
              <Table.Td>
                <Text size="xs" fw={500}>{r.title}</Text>
                {r.plan && <Text size="xs" c="dimmed" lineClamp={1}>{r.plan}</Text>}
              </Table.Td>
              <Table.Td><Light light={r.light} /></Table.Td>
              <Table.Td>{r.deadlineText || r.deadlineDate || <Text span size="xs" c="dimmed">—</Text>}</Table.Td>
              <Table.Td>{r.units.length ? r.units.join('、') : <Text span size="xs" c="dimmed">未填报</Text>}</Table.Td>
              <Table.Td ta="center">{ITEM_STATUS_LABELS[r.status]}</Table.Td>
              <Table.Td ta="center">{r.ratio === null ? '—' : `${r.ratio}%`}</Table.Td>
              <Table.Td><Long text={r.progress} /></Table.Td>
              <Table.Td><Long text={r.problems} /></Table.Td>
              <Table.Td><Long text={r.next} /></Table.Td>
            </Table.Tr>
          ))}
          {hasMore && <MoreRow onMore={onMore} />}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
