import { Button, Group, Menu, Modal, MultiSelect, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ITEM_STATUSES, ITEM_STATUS_LABELS, ROLE_LABELS, type Role } from '../../../../shared/contract/schemas/items';
import type { Input } from '../../../../shared/contract/channels';
import { call } from '../../api/client';
import { notifyError, notifyOk } from '../../app/notify';
import type { ItemFilterQuery } from '../../hooks/use-item-pages';
import type { RowSelection } from '../../hooks/use-row-selection';
import { unitPicker } from '../common/unit-options';
import { DatePickButton } from '../common/ChineseDateInput';
import { chineseDate, parseDateText } from '../common/date-text';

type Action = Input<'items:bulk-edit'>['action'];
type Form = { kind: 'units'; role: Role } | { kind: 'deadline' } | { kind: 'status' } | { kind: 'leader' };

interface Props {
  selection: RowSelection;
  /** The list's filter: "all N filtered rows" sends it instead of ids. */
  query: ItemFilterQuery;
  total: number;
  units: readonly { id: number; name: string }[];
  onDone(): void;
}

function undoToast(message: string, batchId: number | null, onDone: () => void): void {
  if (batchId === null) return notifyOk(message);
  const id = `bulk-${batchId}`;
  const undo = async () => {
    notifications.hide(id);
    try {
      await call('imports:undo', { batchId });
      notifyOk('已撤销批量修改');
      onDone();
    } catch (e) {
      notifyError(e);
    }
  };
  notifications.show({
    id,
    color: 'teal',
    title: '完成',
    autoClose: 10000,
    message: (
      <Group gap="sm" wrap="nowrap">
        <span>{message}</span>
        <Button size="compact-xs" variant="light" onClick={() => void undo()}>
          撤销
        </Button>
      </Group>
    ),
  });
}

const TITLES: Record<Form['kind'], string> = { units: '', deadline: '设置完成时限', status: '设置状态', leader: '设置责任领导' };

/** The bar over a list with chosen rows: what is chosen, and the edits for all of them at once (one undoable batch). */
export function BulkEditBar({ selection, query, total, units, onDone }: Props) {
  const [form, setForm] = useState<Form | null>(null);
  const [value, setValue] = useState<string>('');
  const [unitIds, setUnitIds] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const count = selection.all ? total : selection.ids.size;
  if (!count) return null;
  const target = selection.all ? { filter: { ...query, sort: undefined, desc: undefined } } : { ids: [...selection.ids] };

  async function run(action: Action) {
    setBusy(true);
    try {
      const r = await call('items:bulk-edit', { target, action });
      setForm(null);
      selection.clear();
      undoToast(r.message, r.batchId, onDone);
      onDone();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  }
  const open = (f: Form) => (setValue(''), setUnitIds([]), setForm(f));
  const submit = () => {
    if (!form) return;
    if (form.kind === 'units') return void run({ op: 'units', role: form.role, unitIds: unitIds.map(Number) });
    if (form.kind === 'deadline') return void run({ op: 'fields', deadlineText: value });
    if (form.kind === 'status') return void run({ op: 'fields', status: value as (typeof ITEM_STATUSES)[number] });
    return void run({ op: 'fields', leader: value });
  };
  const title = form?.kind === 'units' ? `设置${ROLE_LABELS[form.role]}单位（${count} 项）` : form ? `${TITLES[form.kind]}（${count} 项）` : '';

  return (
    <Group gap="xs" className="qd-bulk-bar" role="toolbar" aria-label="批量修改" data-testid="bulk-bar">
      <Text size="sm" fw={600}>已选 {count} 项</Text>
      {!selection.all && total > count && (
        <Button size="compact-sm" variant="subtle" onClick={selection.selectAll}>
          选择全部 {total} 项（按当前筛选）
        </Button>
      )}
      <Menu position="bottom-start">
        <Menu.Target>
          <Button size="compact-sm" variant="light" loading={busy}>批量修改</Button>
        </Menu.Target>
        <Menu.Dropdown>
          {(['lead', 'resp', 'coop'] as const).map((role) => (
            <Menu.Item key={role} onClick={() => open({ kind: 'units', role })}>设置{ROLE_LABELS[role]}单位</Menu.Item>
          ))}
          <Menu.Item onClick={() => open({ kind: 'deadline' })}>设置完成时限</Menu.Item>
          <Menu.Item onClick={() => open({ kind: 'status' })}>设置状态</Menu.Item>
          <Menu.Item onClick={() => open({ kind: 'leader' })}>设置责任领导</Menu.Item>
          <Menu.Divider />
          <Menu.Item onClick={() => void run({ op: 'break-down' })}>分解为本级条目</Menu.Item>
          <Menu.Item color="red" onClick={() => void run({ op: 'delete' })}>删除所选</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Button size="compact-sm" variant="subtle" color="gray" onClick={selection.clear}>取消选择</Button>
      <Modal opened={!!form} onClose={() => setForm(null)} title={title}>
        <Stack gap="sm">
          {form?.kind === 'units' && (
            <MultiSelect label={`${ROLE_LABELS[form.role]}单位`} searchable {...unitPicker(units)} value={unitIds} onChange={setUnitIds} comboboxProps={{ withinPortal: true }} />
          )}
          {form?.kind === 'deadline' && <TextInput label="完成时限" placeholder="如 2025年12月底前，或点日历选日期" value={value} onChange={(e) => setValue(e.currentTarget.value)} rightSection={<DatePickButton label="选择完成日期" value={parseDateText(value)} onPick={(d) => setValue(chineseDate(d))} />} />}
          {form?.kind === 'status' && <Select label="状态" data={ITEM_STATUSES.map((s) => ({ value: s, label: ITEM_STATUS_LABELS[s] }))} value={value || null} onChange={(v) => setValue(v ?? '')} />}
          {form?.kind === 'leader' && <TextInput label="责任领导" value={value} onChange={(e) => setValue(e.currentTarget.value)} />}
          <Text size="xs" c="dimmed">将同时修改所选 {count} 项，作为一个批次，可撤销。</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setForm(null)}>取消</Button>
            <Button loading={busy} disabled={form?.kind === 'status' && !value} onClick={submit}>应用到 {count} 项</Button>
          </Group>
        </Stack>
      </Modal>
    </Group>
  );
}
