import { Badge, Button, SegmentedControl, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { DuplicateChoice, PreviewItem } from '../../../../shared/contract/schemas/imports';
import { diffExcerpt } from './diff-excerpt';

const STATUS: Record<PreviewItem['status'], { text: string; color: string }> = {
  new: { text: '＋ 新增', color: 'teal' },
  changed: { text: '✎ 更新', color: 'orange' },
  unchanged: { text: '＝ 不变', color: 'gray' },
  duplicate: { text: '≈ 疑似重复', color: 'grape' },
};

/** 疑似重复 choices by row key, and how to change one. */
export interface DuplicateChoices {
  choices: Readonly<Record<string, DuplicateChoice>>;
  onChoose(key: string, choice: DuplicateChoice): void;
}

/** The existing item a likely duplicate resembles, and the user's choice: merge into it or keep as new. */
function DuplicateChoiceCell({ it, dup }: { it: PreviewItem; dup: DuplicateChoices }) {
  const of = it.duplicateOf;
  if (!of) return null;
  const choice = dup.choices[it.key];
  return (
    <>
      <Text size="xs" c="grape.8">
        像已有条目：{of.code ? `${of.code} ` : ''}「{of.title}」（{of.plan}{of.section ? ` · ${of.section}` : ''}，相似 {Math.round(of.score * 100)}%）
      </Text>
      <SegmentedControl
        size="xs"
        aria-label={`「${it.title}」是否合并`}
        data={[{ value: 'merge', label: '合并到已有条目' }, { value: 'new', label: '作为新增' }]}
        value={choice ?? ''}
        onChange={(v) => dup.onChoose(it.key, v as DuplicateChoice)}
      />
      {!choice && <Text size="xs" c="red.7">请选择</Text>}
    </>
  );
}
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

function Row({ it, dup }: { it: PreviewItem; dup: DuplicateChoices }) {
  const s = STATUS[it.status];
  return (
    <Table.Tr data-testid="preview-item" data-status={it.status}>
      <Table.Td>
        <Badge size="sm" variant="light" color={s.color} radius="sm" styles={{ label: { textTransform: 'none' } }}>{s.text}</Badge>
      </Table.Td>
      <Table.Td ta="right">{it.row ?? ''}</Table.Td>
      <Table.Td>{it.code}</Table.Td>
      <Table.Td>
        <Text size="sm" fw={500} title={it.content}>{it.title}</Text>
        {it.section && <Text size="xs" c="dimmed">{it.section}{it.group ? ` · ${it.group}` : ''}</Text>}
        {it.status === 'duplicate' && <DuplicateChoiceCell it={it} dup={dup} />}
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
export function PreviewItemsTable({ items, total, label, dup }: { items: readonly PreviewItem[]; total: number; label: string; dup: DuplicateChoices }) {
  const [all, setAll] = useState(false);
  // 疑似重复 rows come first: each waits for the user's choice.
  const ordered = items.some((i) => i.status === 'duplicate') ? [...items.filter((i) => i.status === 'duplicate'), ...items.filter((i) => i.status !== 'duplicate')] : items;
  const shown = all ? ordered : ordered.slice(0, SHOWN);
  return (
    <>
      <Table striped withTableBorder withColumnBorders fz="sm" verticalSpacing={3} aria-label={label} className="qd-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={104}>状态</Table.Th>
            <Table.Th w={44} ta="right">行</Table.Th>
            <Table.Th w={60}>序号</Table.Th>
            <Table.Th>任务名称（章节）</Table.Th>
            <Table.Th w={300}>责任单位</Table.Th>
            <Table.Th w={130}>完成时限</Table.Th>
            <Table.Th w={160}>量化目标</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{shown.map((it, i) => <Row key={it.key || i} it={it} dup={dup} />)}</Table.Tbody>
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
