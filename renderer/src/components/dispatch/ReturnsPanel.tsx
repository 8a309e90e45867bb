import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { ReturnsPreview } from '../../../../shared/contract/schemas/exchange';
import type { Period } from '../../../../shared/contract/schemas/periods';
import { call } from '../../api/client';
import { notifyError, notifyOk } from '../../app/notify';
import { readFiles } from '../../platform/files';
import { FileDropZone } from '../common/FileDropZone';
import { ConflictTable, type Decisions } from './ConflictTable';
import { ReturnBatches } from './ReturnBatches';
import { ReturnFileList } from './ReturnFileList';
import { ReturnsSummary } from './ReturnsSummary';
import { useItemLights } from './use-item-lights';

type Picked = { name: string; bytes: Uint8Array<ArrayBuffer> }[];

const ACCEPT = '.xlsx,.xls,.xlsm,.et,.ods,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel,application/vnd.oasis.opendocument.spreadsheet';

/** 收回报送: drop the returned templates, preview them, decide each conflict, apply as one undoable batch. */
export function ReturnsPanel({ period, onApplied }: { period: Period; onApplied(): Promise<void> }) {
  const [files, setFiles] = useState<Picked>([]);
  const [preview, setPreview] = useState<ReturnsPreview | null>(null);
  const [decisions, setDecisions] = useState<Decisions>({});
  const [busy, setBusy] = useState<'reading' | 'applying' | null>(null);
  const [applied, setApplied] = useState<string | null>(null);
  const [stamp, setStamp] = useState(0);
  const conflicts = useMemo(() => preview?.files.flatMap((f) => f.conflicts) ?? [], [preview]);
  const ids = useMemo(() => preview?.files.flatMap((f) => f.rows.map((r) => r.itemId)) ?? [], [preview]);
  const lights = useItemLights(ids, stamp);

  async function pick(picked: File[]) {
    setBusy('reading');
    setApplied(null);
    try {
      const read = await readFiles(picked);
      const p = await call('returns:preview', { files: read, periodId: period.id });
      setFiles(read);
      setPreview(p);
      setDecisions({});
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(null);
    }
  }

  async function apply() {
    setBusy('applying');
    try {
      const r = await call('returns:apply', { files, periodId: period.id, decisions });
      const c = r.counts;
      const k = c.keptMine + c.tookTheirs;
      const message = `已导入 ${c.newReports + c.changedReports} 条，更新 ${c.itemUpdates} 条，冲突 ${k} 条（保留本办 ${c.keptMine}，采用报送 ${c.tookTheirs}）${c.extensionRequests ? `；申请延期 ${c.extensionRequests} 项待审批` : ''}${c.closureRequests ? `；申请办结 ${c.closureRequests} 项待确认` : ''}${c.skippedFiles ? `；${c.skippedFiles} 个文件未导入` : ''}`;
      notifyOk(message);
      setApplied(message);
      setPreview(null);
      setFiles([]);
      setStamp((n) => n + 1);
      await onApplied();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(null);
    }
  }

  return (
    <Stack gap="sm">
      <FileDropZone
        busy={busy === 'reading'}
        onFiles={(f) => void pick(f)}
        title="把各单位报送回来的填报模板拖到这里（可一次拖入 30 个文件）"
        hint=".xlsx / .xls；先预览每个文件的匹配、变化、冲突和问题，确认后再应用，应用后可撤销。"
        buttonLabel="选择报送文件…"
        inputLabel="选择报送文件"
        accept={ACCEPT}
        testId="returns"
      />
      {busy === 'reading' && <Text size="sm" c="dimmed">正在读取和比对报送文件…</Text>}
      {applied && (
        <Alert color="teal" title="已应用" withCloseButton onClose={() => setApplied(null)} data-testid="returns-applied">
          {applied}。如有误，可在下方“最近导入的报送”中撤销本批。
        </Alert>
      )}
      {preview && (
        <>
          <ReturnsSummary preview={preview} periodName={period.name} />
          {conflicts.length > 0 && <ConflictTable conflicts={conflicts} decisions={decisions} lights={lights} onChange={setDecisions} />}
          <Group>
            <Button loading={busy === 'applying'} disabled={preview.counts.okFiles === 0} onClick={() => void apply()}>
              应用（{preview.counts.okFiles} 个文件）
            </Button>
            <Button variant="default" onClick={() => (setPreview(null), setFiles([]))}>
              放弃
            </Button>
          </Group>
          <ReturnFileList key={preview.files.map((f) => f.name).join('|')} files={preview.files} lights={lights} />
        </>
      )}
      <ReturnBatches stamp={stamp} onUndone={async () => (setApplied(null), setStamp((n) => n + 1), await onApplied())} />
    </Stack>
  );
}
