import { Badge, Button, Checkbox, Group, Modal, ScrollArea, Select, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ItemKind, ItemRow } from '../../../../shared/contract/schemas/items';
import type { Plan } from '../../../../shared/contract/schemas/plans';
import { call } from '../../api/client';
import { errorText, notifyOk } from '../../app/notify';
import { useBusy } from '../../hooks/use-busy';
import { codeTitle } from '../../../../shared/contract/item-code';

interface Suggestion {
  itemId: number;
  upperItemId: number;
  how: 'uid' | 'text';
  score: number;
}

const itemText = (r: ItemRow | undefined) => (r ? codeTitle(r.code, r.title) : '');

async function upperItems(kind: ItemKind, planId: number): Promise<ItemRow[]> {
  return (await call('items:list', { kind, planId, origin: 'upper', offset: 0, limit: 100000 })).rows;
}

function SuggestionTable({ list, rows, picked, toggle }: { list: Suggestion[]; rows: Map<number, ItemRow>; picked: Set<number>; toggle(id: number): void }) {
  return (
    <ScrollArea.Autosize mah={360}>
      <Table striped withTableBorder fz="xs" aria-label="关联建议">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={32} />
            <Table.Th>市州条目</Table.Th>
            <Table.Th>省级条目</Table.Th>
            <Table.Th w={110}>依据</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.map((s) => (
            <Table.Tr key={s.itemId}>
              <Table.Td>
                <Checkbox size="xs" aria-label={`关联 ${itemText(rows.get(s.itemId))}`} checked={picked.has(s.itemId)} onChange={() => toggle(s.itemId)} />
              </Table.Td>
              <Table.Td>{itemText(rows.get(s.itemId))}</Table.Td>
              <Table.Td>{itemText(rows.get(s.upperItemId))}</Table.Td>
              <Table.Td>
                {s.how === 'uid' ? (
                  <Badge size="sm" variant="light" color="teal">标识一致</Badge>
                ) : (
                  <Badge size="sm" variant="light" color={s.score >= 0.7 ? 'blue' : 'orange'}>文字相似 {Math.round(s.score * 100)}%</Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}

/** Suggested links between two upper plans' items, and which of them the user keeps ticked. */
function useSuggestions() {
  const [list, setList] = useState<Suggestion[] | null>(null);
  const [rows, setRows] = useState(new Map<number, ItemRow>());
  const [picked, setPicked] = useState(new Set<number>());
  async function load(kind: ItemKind, lowerPlan: number, upperPlan: number) {
    const [lower, upper] = await Promise.all([upperItems(kind, lowerPlan), upperItems(kind, upperPlan)]);
    if (!lower.length || !upper.length) throw new Error('所选清单中没有上级条目');
    const s = await call('upper-links:suggest', { lowerIds: lower.map((r) => r.id), upperIds: upper.map((r) => r.id) });
    setRows(new Map([...lower, ...upper].map((r) => [r.id, r])));
    setList(s);
    setPicked(new Set(s.map((x) => x.itemId)));
  }
  return {
    list,
    rows,
    picked,
    load,
    reset: () => setList(null),
    toggle: (id: number) => setPicked((p) => (p.has(id) ? (p.delete(id), new Set(p)) : new Set(p.add(id)))),
    chosen: () => (list ?? []).filter((s) => picked.has(s.itemId)).map(({ itemId, upperItemId, how }) => ({ itemId, upperItemId, how })),
  };
}

/**
 * Two upper sources: links the prefecture's items to the province items they localise — by uid when the
 * prefecture's list was made by this app, else by similar text (score shown) — confirmed in one batch.
 */
export function UpperLinksModal({ kind, opened, onClose, onDone }: { kind: ItemKind; opened: boolean; onClose(): void; onDone(): void }) {
  const [plans, setPlans] = useState<Plan[]>([]);
  const [lowerPlan, setLowerPlan] = useState<string | null>(null);
  const [upperPlan, setUpperPlan] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { busy, run } = useBusy((e) => setError(errorText(e)));
  const s = useSuggestions();
  useEffect(() => {
    if (opened) call('plans:list', {}).then((p) => setPlans(p.filter((x) => x.origin === 'upper')), (e) => setError(errorText(e)));
  }, [opened]);
  const planData = plans.map((p) => ({ value: String(p.id), label: `${p.title}（${p.itemCount} 项）` }));
  const suggest = () => run(async () => (setError(null), await s.load(kind, Number(lowerPlan), Number(upperPlan))));
  const confirm = () =>
    run(async () => {
      notifyOk((await call('upper-links:confirm', { links: s.chosen() })).message);
      s.reset();
      onDone();
      onClose();
    });
  const list = s.list;

  return (
    <Modal opened={opened} onClose={onClose} title="关联两级上级清单" size="xl">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          同时收到省级和市州的清单时，把市州条目关联到它所落实的省级条目：条目抽屉显示“省 → 市州 → 本级”，上报时仍各按上级模板。
        </Text>
        <Group grow align="flex-end">
          <Select label="市州清单" placeholder="选择方案" data={planData} value={lowerPlan} onChange={(v) => (setLowerPlan(v), s.reset())} />
          <Select label="省级清单" placeholder="选择方案" data={planData.filter((p) => p.value !== lowerPlan)} value={upperPlan} onChange={(v) => (setUpperPlan(v), s.reset())} />
          <Button onClick={() => void suggest()} loading={busy} disabled={!lowerPlan || !upperPlan} style={{ flexGrow: 0 }}>
            查找对应条目
          </Button>
        </Group>
        {list && (list.length ? <SuggestionTable list={list} rows={s.rows} picked={s.picked} toggle={s.toggle} /> : <Text size="sm">没有找到相互对应的条目（文字相似度低于 45%）。</Text>)}
        {error && <Text c="red" size="sm" role="alert">{error}</Text>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>取消</Button>
          <Button onClick={() => void confirm()} loading={busy} disabled={!s.picked.size || !list?.length}>
            确认关联 {list ? s.picked.size : 0} 项
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
