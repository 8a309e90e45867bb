import { Badge, Button, FileButton, Group, Paper, ScrollArea, Table, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { Counterpart } from '../../../../shared/contract/schemas/counterparts';
import { call } from '../../api/client';
import { notifyError, notifyOk } from '../../app/notify';
import { readFiles, saveBytes } from '../../platform/files';

const HOW: Record<Counterpart['how'], { label: string; color: string }> = {
  kept: { label: '已确认', color: 'teal' },
  rule: { label: '按名称建议', color: 'indigo' },
  directory: { label: '目录中已有', color: 'indigo' },
  none: { label: '无对口单位', color: 'gray' },
};

/**
 * 对口单位: each upper unit and this office's unit that answers for it — suggested from the office's
 * level and place (or the directory), confirmed and kept, exchanged as Excel. 分解 uses the confirmed rows.
 */
export function CounterpartPanel({ onChanged }: { onChanged(): void }) {
  const [rows, setRows] = useState<Counterpart[]>([]);
  const [place, setPlace] = useState('');
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const load = async () => {
    const r = await call('counterparts:list', {});
    setRows(r.rows);
    setPlace(r.place);
    setEdits({});
  };
  useEffect(() => void load().catch(notifyError), []);
  // Reached from the 分解 preview (#/units?focus=counterparts): bring the table into view.
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (rows.length && location.hash.includes('focus=counterparts')) panel.current?.scrollIntoView({ block: 'start' });
  }, [rows.length]);

  async function act(fn: () => Promise<string>) {
    setBusy(true);
    try {
      notifyOk(await fn());
      await load();
      onChanged();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  }
  const localOf = (r: Counterpart) => edits[r.upperName] ?? r.localName ?? '';
  const confirmAll = () =>
    act(async () => (await call('counterparts:save', { rows: rows.map((r) => ({ upperName: r.upperName, localName: localOf(r).trim() || null })) })).message);
  const exportFile = () =>
    act(async () => {
      const f = await call('counterparts:export', {});
      const saved = await saveBytes(f.fileName, f.bytes);
      return saved ? `已导出「${f.fileName}」` : '未保存';
    });
  const importFile = (file: File | null) =>
    file &&
    act(async () => {
      const [picked] = await readFiles([file]);
      return (await call('counterparts:import', { fileName: picked.name, bytes: picked.bytes })).message;
    });
  const open = rows.filter((r) => !r.confirmed).length;

  return (
    <Paper withBorder p="sm" ref={panel} id="counterparts">
      <Group justify="space-between" mb="xs">
        <Group gap="sm" align="baseline">
          <Title order={5}>对口单位</Title>
          <Text size="sm" c="dimmed">上级单位 {rows.length} 个，待确认 {open} 个；本级：{place || '（请在设置中填写本办所在地区）'}</Text>
        </Group>
        <Group gap="xs">
          <FileButton onChange={(f) => void importFile(f)} accept=".xlsx,.xls">
            {(props) => <Button {...props} size="xs" variant="default" loading={busy}>导入对口表</Button>}
          </FileButton>
          <Button size="xs" variant="default" loading={busy} onClick={() => void exportFile()} disabled={!rows.length}>导出对口表</Button>
          <Button size="xs" loading={busy} onClick={() => void confirmAll()} disabled={!rows.length}>确认全部 {rows.length} 行</Button>
        </Group>
      </Group>
      <ScrollArea.Autosize mah={360}>
        <Table striped withTableBorder stickyHeader aria-label="对口单位">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>上级单位</Table.Th>
              <Table.Th>本级对口单位</Table.Th>
              <Table.Th w={110}>来由</Table.Th>
              <Table.Th w={70}>条目数</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.upperName}>
                <Table.Td>{r.upperName}</Table.Td>
                <Table.Td>
                  <TextInput size="xs" aria-label={`${r.upperName}的对口单位`} placeholder={r.reason || '无对口单位'} value={localOf(r)}
                    onChange={(e) => setEdits({ ...edits, [r.upperName]: e.currentTarget.value })} />
                </Table.Td>
                <Table.Td><Badge size="sm" variant="light" color={HOW[r.how].color}>{HOW[r.how].label}</Badge></Table.Td>
                <Table.Td>{r.items}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Paper>
  );
}
