import { Alert, Badge, Button, FileButton, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { CLOSURE_STATE_LABELS, type ClosureState, type EvidenceFile, type ItemFollowup } from '../../../../shared/contract/schemas/followup';
import type { Item } from '../../../../shared/contract/schemas/items';
import { call } from '../../api/client';
import { errorText, notifyError, notifyOk } from '../../app/notify';
import { readFiles, saveBytes } from '../../platform/files';

const ACCEPT = '.pdf,.ofd,.doc,.docx,.wps,.xls,.xlsx,.jpg,.jpeg,.png,.tif,.tiff,.txt';
const size = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

function EvidenceList({ files, locked, onChanged }: { files: readonly EvidenceFile[]; locked: boolean; onChanged(): void }) {
  async function download(f: EvidenceFile) {
    try {
      const r = await call('closures:file', { fileId: f.id });
      await saveBytes(r.fileName, r.bytes);
    } catch (e) {
      notifyError(e);
    }
  }
  return (
    <>
      {files.map((f) => (
        <Group key={f.id} gap="xs" data-testid="evidence-file">
          <Text size="sm">附件：{f.fileName}</Text>
          <Text size="xs" c="dimmed">{size(f.size)}</Text>
          <Button size="compact-xs" variant="subtle" onClick={() => void download(f)}>下载</Button>
          {!locked && (
            <Button size="compact-xs" variant="subtle" color="red" onClick={() => void call('closures:detach', { fileId: f.id }).then(onChanged, notifyError)}>删除</Button>
          )}
        </Group>
      ))}
    </>
  );
}

interface ActionProps {
  state: ClosureState | null;
  busy: boolean;
  onRequest(): void;
  onConfirm(): void;
  onReopen(reason: string): void;
}

/** 申请办结 / 确认办结, or 重新打开 with its reason. */
function ClosureActions({ state, busy, onRequest, onConfirm, onReopen }: ActionProps) {
  const [reason, setReason] = useState('');
  const closed = state === 'closed';
  return (
    <Group justify="flex-end" gap="xs">
      {!closed && <Button size="xs" variant="light" loading={busy} onClick={onRequest}>申请办结</Button>}
      {state === 'pending' && <Button size="xs" color="teal" loading={busy} onClick={onConfirm}>确认办结</Button>}
      {closed && (
        <>
          <TextInput size="xs" placeholder="重新打开的理由" aria-label="重新打开的理由" w={260} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
          <Button size="xs" variant="light" color="orange" loading={busy} onClick={() => onReopen(reason)}>重新打开</Button>
        </>
      )}
    </Group>
  );
}

/** 办结销号: evidence (files, 文号), 申请办结, 确认办结, 重新打开 with a reason. */
export function ClosureSection({ item, data, onChanged }: { item: Item; data: ItemFollowup; onChanged(): void }) {
  const c = data.closure;
  const [docNo, setDocNo] = useState(c?.docNo ?? '');
  const [note, setNote] = useState(c?.note ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const closed = c?.state === 'closed';

  async function act(what: () => Promise<unknown>, ok: string) {
    setBusy(true);
    try {
      await what();
      notifyOk(ok);
      setError(null);
      onChanged();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }
  async function attach(picked: File[]) {
    if (!picked.length) return;
    await act(async () => {
      for (const f of await readFiles(picked)) await call('closures:attach', { itemId: item.id, fileName: f.name, bytes: f.bytes });
    }, `已附加佐证材料 ${picked.length} 个`);
  }

  return (
    <Stack gap={6} data-testid="closure-section">
      <Group gap="xs" justify="space-between">
        <Group gap="xs">
          <Text fw={600}>办结销号</Text>
          {c ? <Badge variant="light" color={closed ? 'teal' : c.state === 'pending' ? 'orange' : 'gray'} data-testid="closure-state">{CLOSURE_STATE_LABELS[c.state]}</Badge> : <Text size="sm" c="dimmed">未申请办结</Text>}
        </Group>
        {!closed && (
          <FileButton onChange={(f) => void attach(f)} accept={ACCEPT} multiple>
            {(props) => <Button {...props} size="xs" variant="light" loading={busy}>附加佐证材料</Button>}
          </FileButton>
        )}
      </Group>
      {!closed && <Text size="xs" c="dimmed">佐证材料：PDF、OFD、Word、WPS、Excel、图片（jpg/png/tif）或文本，单个不超过 20 MB；也可只填办结文号。</Text>}
      <EvidenceList files={data.evidence} locked={closed} onChanged={onChanged} />
      {c?.state === 'reopened' && <Text size="xs" c="dimmed">已于 {c.reopenedAt?.slice(0, 10)} 重新打开：{c.reopenReason}</Text>}
      {closed && <Text size="sm">已于 {c.confirmedAt?.slice(0, 10)} 确认办结{c.confirmedBy ? `（${c.confirmedBy}）` : ''}{c.docNo ? `，文号 ${c.docNo}` : ''}{c.note ? `：${c.note}` : ''}</Text>}
      {!closed && (
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <TextInput size="xs" label="办结文号" w={200} value={docNo} onChange={(e) => setDocNo(e.currentTarget.value)} />
          <TextInput size="xs" label="办结情况说明" style={{ flex: 1 }} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        </Group>
      )}
      {error && <Alert color="red" p="xs" data-testid="closure-error">{error}</Alert>}
      <ClosureActions state={c?.state ?? null} busy={busy} onRequest={() => void act(() => call('closures:request', { itemId: item.id, docNo, note }), '已申请办结，待确认')}
        onConfirm={() => void act(() => call('closures:confirm', { itemId: item.id }), `已确认「${item.title}」办结`)}
        onReopen={(reason) => void act(() => call('closures:reopen', { itemId: item.id, reason }), '已重新打开')} />
    </Stack>
  );
}
