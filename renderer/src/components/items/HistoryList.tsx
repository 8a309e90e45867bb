import { Loader, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Change } from '../../../../shared/contract/schemas/items';
import type { Plan } from '../../../../shared/contract/schemas/plans';
import { call } from '../../api/client';
import { FIELD_LABELS, STATUS_META, localTime } from './labels';

const ACTIONS: Record<string, string> = { create: '新建', update: '修改', delete: '删除', merge: '合并', import: '导入', undo: '撤销' };
const ROLE_WORDS: Record<string, string> = { lead: '牵头', resp: '负责', coop: '配合' };

/** `lead:A、coop:B、coop:C` → 牵头：A；配合：B、C */
function unitsText(v: string): string {
  const byRole = new Map<string, string[]>();
  for (const part of v.split('、')) {
    const m = /^(lead|resp|coop):(.*)$/.exec(part);
    if (m) byRole.set(m[1], [...(byRole.get(m[1]) ?? []), m[2]]);
  }
  const text = ['lead', 'resp', 'coop'].filter((r) => byRole.has(r)).map((r) => `${ROLE_WORDS[r]}：${byRole.get(r)!.join('、')}`);
  return text.length ? text.join('；') : v;
}

/** Plan and section ids as their names. */
function namesOf(plans: readonly Plan[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of plans) {
    out.set(`planId:${p.id}`, p.title);
    for (const s of p.sections) out.set(`sectionId:${s.id}`, s.name);
  }
  return out;
}

/** A stored value as a person reads it (status words, role words, plan names, targets as text). */
function readable(field: string, v: string | null, names: Map<string, string>): string {
  if (v === null || v === '') return '（空）';
  if (field === 'planId' || field === 'sectionId') return names.get(`${field}:${v}`) ?? `编号 ${v}`;
  if (field === 'status' && v in STATUS_META) return STATUS_META[v as keyof typeof STATUS_META].word;
  if (field === 'units') return unitsText(v);
  if (field === 'targets') {
    try {
      const list = JSON.parse(v) as { label: string; comparator: string | null; value: number; unit: string }[];
      return list.map((t) => `${t.label}${t.comparator ?? ''}${t.value}${t.unit}`).join('；') || '（空）';
    } catch {
      return v;
    }
  }
  return v;
}

/** 历史: who changed what, when — newest first. */
export function HistoryList({ itemId, version, plans }: { itemId: number; version: string; plans: readonly Plan[] }) {
  const [rows, setRows] = useState<Change[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    call('items:history', { id: itemId })
      .then((r) => live && setRows(r))
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => void (live = false);
  }, [itemId, version]);

  const names = namesOf(plans);
  if (error) return <Text c="red" size="sm">{error}</Text>;
  if (!rows) return <Loader size="sm" />;
  if (!rows.length) return <Text size="sm" c="dimmed">还没有修改记录。</Text>;
  return (
    <Table striped withTableBorder fz="xs" verticalSpacing={4} aria-label="修改历史">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={128}>时间</Table.Th>
          <Table.Th w={84}>操作人</Table.Th>
          <Table.Th w={116}>内容</Table.Th>
          <Table.Th>原值 → 新值</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((c) => (
          <Table.Tr key={c.id}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{localTime(c.at)}</Table.Td>
            <Table.Td>{c.operator || '未署名'}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {ACTIONS[c.action] ?? c.action}
              {c.field ? ` ${FIELD_LABELS[c.field as keyof typeof FIELD_LABELS] ?? c.field}` : ''}
            </Table.Td>
            <Table.Td style={{ wordBreak: 'break-all' }}>
              {c.action === 'update' ? (
                <>
                  <Text span size="xs" c="dimmed">{readable(c.field, c.before, names)}</Text> → {readable(c.field, c.after, names)}
                </>
              ) : (
                readable(c.field, c.after ?? c.before, names)
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
