import { Alert, Button, Group, Modal, MultiSelect, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { Urge } from '../../../../shared/contract/schemas/followup';
import { call } from '../../api/client';
import { errorText, notifyError, notifyOk } from '../../app/notify';
import type { ItemFilterQuery } from '../../hooks/use-item-pages';
import type { RowSelection } from '../../hooks/use-row-selection';
import { saveBytes } from '../../platform/files';
import { urgePrintHash } from '../../print/UrgePrint';

interface Props {
  selection: RowSelection;
  query: ItemFilterQuery;
  units: readonly { id: number; name: string }[];
  onDone(): void;
}

/** The chosen rows' ids (every filtered row when "all" is chosen). */
async function chosenIds(selection: RowSelection, query: ItemFilterQuery): Promise<number[]> {
  if (!selection.all) return [...selection.ids];
  const page = await call('items:list', { ...query, offset: 0, limit: 5000 });
  return page.rows.map((r) => r.id);
}

function Written({ done, onUndo }: { done: { batchId: number; urges: Urge[] }; onUndo(): void }) {
  async function exportXlsx() {
    try {
      const f = await call('urges:export', { batchId: done.batchId });
      if (await saveBytes(f.fileName, f.bytes)) notifyOk(`已导出 ${f.fileName}`);
    } catch (e) {
      notifyError(e);
    }
  }
  return (
    <Stack gap="xs">
      <Text size="sm" data-testid="urge-done">
        已向 {done.urges.map((u) => `${u.unitName}（${u.items.length} 项）`).join('、')}发出催办，共 {done.urges.length} 份催办单。
      </Text>
      <Group justify="flex-end">
        <Button variant="subtle" color="red" onClick={onUndo}>撤销</Button>
        <Button variant="default" onClick={() => void exportXlsx()}>导出Excel</Button>
        <Button component="a" href={urgePrintHash({ batchId: done.batchId })}>打印催办单</Button>
      </Group>
    </Stack>
  );
}

/** 催办 for the chosen items: to their 牵头 units (or units picked), what and by when; then print or export the 催办单. */
export function UrgeButton({ selection, query, units, onDone }: Props) {
  const [open, setOpen] = useState(false);
  const [unitIds, setUnitIds] = useState<string[]>([]);
  const [content, setContent] = useState('');
  const [due, setDue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ batchId: number; urges: Urge[] } | null>(null);
  const count = selection.all ? '全部' : String(selection.ids.size);
  if (!selection.all && selection.ids.size === 0) return null;

  async function submit() {
    setBusy(true);
    try {
      const itemIds = await chosenIds(selection, query);
      const r = await call('urges:create', { itemIds, unitIds: unitIds.length ? unitIds.map(Number) : undefined, content, dueDate: due || undefined });
      setDone(r);
      setError(null);
      onDone();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }
  async function undo() {
    if (!done) return;
    await call('imports:undo', { batchId: done.batchId }).then(() => (notifyOk('已撤销催办'), onDone()), notifyError);
    close();
  }
  function close() {
    setOpen(false), setDone(null), setContent(''), setDue(''), setUnitIds([]), setError(null);
  }

  return (
    <>
      <Button size="xs" variant="light" color="orange" onClick={() => setOpen(true)}>催办（{count}）</Button>
      <Modal opened={open} onClose={close} title="催办" size="lg">
        {done ? (
          <Written done={done} onUndo={() => void undo()} />
        ) : (
          <Stack gap="xs">
            <MultiSelect label="催办单位" placeholder={unitIds.length ? '' : '不选则催办各条目的牵头单位'} searchable clearable data={units.map((u) => ({ value: String(u.id), label: u.name }))} value={unitIds} onChange={setUnitIds} />
            <Textarea label="催办事项" required autosize minRows={2} placeholder="如：请加快推进，并于限期内报送办理情况" value={content} onChange={(e) => setContent(e.currentTarget.value)} />
            <TextInput label="办理时限" type="date" w={180} value={due} onChange={(e) => setDue(e.currentTarget.value)} />
            {error && <Alert color="red" p="xs">{error}</Alert>}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>取消</Button>
              <Button loading={busy} disabled={!content.trim()} onClick={() => void submit()}>发出催办</Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
