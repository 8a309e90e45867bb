import { useCallback, useEffect, useRef, useState } from 'react';
import type { ColumnOverride, DuplicateChoice, ImportPreviewResult, ImportProgress } from '../../../../shared/contract/schemas/imports';
import type { ItemKind } from '../../../../shared/contract/schemas/items';
import { call } from '../../api/client';
import { notifyError, notifyOk } from '../../app/notify';

export interface PickedFile {
  name: string;
  bytes: Uint8Array<ArrayBuffer>;
}

/** What the user chose to import. */
export interface ImportSources {
  files: PickedFile[];
  text: string;
  kind: ItemKind;
  mappings: ColumnOverride[];
}

const EMPTY: ImportSources = { files: [], text: '', kind: 'task', mappings: [] };
const POLL_MS = 250;

function newJobId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `job-${Date.now()}-${Math.round(Math.random() * 1e9)}`;
}

const hasSources = (s: ImportSources) => s.files.length > 0 || s.text.trim() !== '';

/** Polls `imports:progress` while a call runs (the window stays live: parsing runs in a worker). */
function useProgress() {
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const track = useCallback(async <T,>(work: (jobId: string) => Promise<T>): Promise<T> => {
    const jobId = newJobId();
    setProgress({ stage: 'queued', message: '准备中…', filesDone: 0, files: 0, rows: 0 });
    const timer = setInterval(() => {
      call('imports:progress', { jobId }).then((p) => p.stage !== 'unknown' && setProgress(p), () => {});
    }, POLL_MS);
    try {
      return await work(jobId);
    } finally {
      clearInterval(timer);
      setProgress(null);
    }
  }, []);
  return { progress, track };
}

/**
 * The import page's state: sources, the preview (recomputed whenever sources or mappings change),
 * unit decisions, apply and progress. Late answers to superseded previews are dropped.
 */
export function useImport(onApplied: () => void) {
  const [sources, setSources] = useState<ImportSources>(EMPTY);
  const [preview, setPreview] = useState<ImportPreviewResult | null>(null);
  const [decisions, setDecisions] = useState<Record<string, number | null>>({});
  const [duplicates, setDuplicates] = useState<Record<string, DuplicateChoice>>({});
  const [busy, setBusy] = useState<'preview' | 'apply' | null>(null);
  const { progress, track } = useProgress();
  const seq = useRef(0);

  useEffect(() => {
    const mine = ++seq.current;
    if (!hasSources(sources)) {
      setPreview(null);
      return;
    }
    setBusy('preview');
    const input = { files: sources.files, text: sources.text || undefined, kind: sources.kind, mappings: sources.mappings };
    track((jobId) => call('imports:preview', { ...input, jobId }))
      .then((p) => mine === seq.current && setPreview(p))
      .catch((e: unknown) => mine === seq.current && notifyError(e))
      .finally(() => mine === seq.current && setBusy(null));
  }, [sources, track]);

  const apply = useCallback(async () => {
    setBusy('apply');
    try {
      const input = { files: sources.files, text: sources.text || undefined, kind: sources.kind, mappings: sources.mappings, decisions, duplicates };
      const r = await track((jobId) => call('imports:apply', { ...input, jobId }));
      if (r.batchId === null) notifyOk(`没有变化：${r.counts.unchanged} 条与数据库一致，未记录导入批次`);
      else notifyOk(`已导入 ${r.counts.new} 条，更新 ${r.counts.changed} 条${r.counts.units ? `，新建单位 ${r.counts.units} 个` : ''}（批次 #${r.batchId}，可撤销）`);
      setSources(EMPTY);
      setDecisions({});
      setDuplicates({});
      onApplied();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(null);
    }
  }, [sources, decisions, duplicates, track, onApplied]);

  return { sources, setSources, preview, decisions, setDecisions, duplicates, setDuplicates, busy, progress, apply };
}
