import { Badge, Button, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { PreviewItem } from '../../../../shared/contract/schemas/imports';
import { diffExcerpt } from './diff-excerpt';

const STATUS: Record<PreviewItem['status'], { text: string; color: string }> = {
  new: { text: '＋ 新增', color: 'teal' },
  changed: { text: '✎ 更新', color: 'orange' },
  unchanged: { text: '＝ 不变', color: 'gray' },
};
const SHOWN = 100;

function Units({ it }: { it: PreviewItem }) {
  return (
    <>
      {it.lead.length > 0 && <Text size="xs"><b>牵头</b> {it.lead.join('、')}</Text>}
      {it.resp.length > 0 && <Text size="xs"><b>负责</b> {it.resp.join('、')}</Text>}
      {it.coop.length > 0 && <Text size="xs" c="dimmed"><b>配合</b> {it.coop.join('、')}</Text>}
      {it.lead.length + it.resp.length + it.coop.length === 0 && <Text size="xs" c="red">（无单位）</Text>}
    </>
  );
}

function Row({ it }: { it: PreviewItem }) {
  const s = STATUS[it.status];
  return (
    <Table.Tr data-testid="preview-item">
      <Table.Td>
        <Badge size="sm" variant="light" color={s.color} radius="sm" styles={{ label: { textTransform: 'none' } }}>{s.text}</Badge>
      </Table.Td>
      <Table.Td ta="right">{it.row ?? ''}</Table.Td>
      <Table.Td>{it.code}</Table.Td>
      <Table.Td>
        <Text size="sm" fw={500} title={it.content}>{it.title}</Text>
        {it.section && <Text size="xs" c="dimmed">{it.section}{it.group ? ` · ${it.group}` : ''}</Text>}
        {it.changes.map((c) => {
          const d = diffExcerpt(c.before, c.after);
          return (
            <Text key={c.field} size="xs" c="orange.8">
              {c.label}：{d.before || '（空）'} → {d.after || '（空）'}
            </Text>
          );
        })}
      </Table.Td>
      <Table.Td><Units it={it} /></Table.Td>
      <Table.Td>
        <Text size="sm">{it.deadlineText}</Text>
        {it.deadlineDate && it.deadlineDate !== it.deadlineText && <Text size="xs" c="dimmed">{it.deadlineDate}</Text>}
      </Table.Td>
      <Table.Td>
        {it.targets.map((t, i) => (
          <Text key={i} size="xs">{t.label ? `${t.label} ` : ''}{t.comparator === '>=' ? '≥' : t.comparator === '<=' ? '≤' : (t.comparator ?? '')}{t.display}</Text>
        ))}
      </Table.Td>
    </Table.Tr>
  );
}

/** The items understood from one sheet: status, where from, code, title, units by role, deadline, targets. */
export function PreviewItemsTable({ items, total, label }: { items: readonly PreviewItem[]; total: number; label: string }) {
  const [all, setAll] = useState(false);
  const shown = all ? items : items.slice(0, SHOWN);
  return (
    <>
      <Table striped withTableBorder withColumnBorders fz="sm" verticalSpacing={3} aria-label={label} className="qd-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={84}>状态</Table.Th>
            <Table.Th w={44} ta="right">行</Table.Th>
            <Table.Th w={52}>序号</Table.Th>
            <Table.Th>任务名称（章节）</Table.Th>
            <Table.Th w={300}>责任单位</Table.Th>
            <Table.Th w={130}>完成时限</Table.Th>
            <Table.Th w={160}>量化目标</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{shown.map((it, i) => <Row key={i} it={it} />)}</Table.Tbody>
      </Table>
      {(shown.length < items.length || total > items.length) && (
        <Text size="xs" c="dimmed">
          显示 {shown.length} / {total} 条{items.length > shown.length && <Button size="compact-xs" variant="subtle" onClick={() => setAll(true)}>显示全部已读取的 {items.length} 条</Button>}
          {total > items.length && `（预览最多列出 ${items.length} 条，应用时全部导入）`}
        </Text>
      )}
    </>
  );
}
