import { Alert, Button, Group, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import type { Batch, ColumnOverride } from '../../../shared/contract/schemas/imports';
import { call } from '../api/client';
import { notifyError } from '../app/notify';
import { BatchesPanel } from '../components/import/BatchesPanel';
import { DuplicatesPanel, duplicateKeys } from '../components/import/DuplicatesPanel';
import { FilePreviewCard } from '../components/import/FilePreviewCard';
import { ImportProgressBar } from '../components/import/ImportProgressBar';
import { ImportSourcesPanel } from '../components/import/ImportSourcesPanel';
import { UnknownUnitsPanel } from '../components/import/UnknownUnitsPanel';
import { useImport } from '../components/import/use-import';
import { useAppInfo } from '../hooks/use-app-info';
import { useUnits } from '../hooks/use-directory';

function useBatches() {
  const [batches, setBatches] = useState<Batch[]>([]);
  const reload = useCallback(async () => {
    try {
      setBatches(await call('imports:batches', {}));
    } catch (e) {
      notifyError(e);
    }
  }, []);
  useEffect(() => void reload(), [reload]);
  return { batches, reload };
}

/** 导入: files or pasted plan text → preview (editable column mapping, unit decisions) → apply as one batch → undo. */
export function ImportPage() {
  const { refresh } = useAppInfo();
  const { units, reload: reloadUnits } = useUnits();
  const { batches, reload: reloadBatches } = useBatches();
  const afterChange = useCallback(() => void Promise.all([refresh(), reloadBatches(), reloadUnits()]), [refresh, reloadBatches, reloadUnits]);
  const imp = useImport(afterChange);
  const { preview, sources } = imp;
  const setMapping = (o: ColumnOverride) =>
    imp.setSources({ ...sources, mappings: [...sources.mappings.filter((m) => !(m.file === o.file && m.sheet === o.sheet)), o] });
  const nothing = !preview || preview.counts.new + preview.counts.changed + preview.counts.duplicate === 0;
  const dupKeys = preview ? duplicateKeys(preview) : [];
  const undecided = dupKeys.filter((k) => !imp.duplicates[k]).length;
  const dup = { choices: imp.duplicates, onChoose: (key: string, c: 'merge' | 'new') => imp.setDuplicates({ ...imp.duplicates, [key]: c }) };

  return (
    <ScrollArea h="100%" type="auto">
      <Stack p="md" gap="md" maw={1500}>
        <Group justify="space-between">
          <Title order={3}>导入</Title>
          <Text size="sm" c="dimmed">先预览：看清每个文件怎样被理解，再应用；每次应用是一个可撤销的导入批次。</Text>
        </Group>
        <ImportSourcesPanel sources={sources} busy={imp.busy !== null} onChange={imp.setSources} />
        {imp.progress && <ImportProgressBar progress={imp.progress} />}
        {preview && (
          <Stack gap="sm" data-testid="import-preview">
            <Group justify="space-between" p="xs" style={{ position: 'sticky', top: 0, zIndex: 3, background: 'var(--mantine-color-body)', borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
              <Text data-testid="import-counts">
                合计：新增 <b>{preview.counts.new}</b> 条，更新 <b>{preview.counts.changed}</b> 条，不变 <b>{preview.counts.unchanged}</b> 条
                {preview.counts.duplicate > 0 && `，疑似重复 ${preview.counts.duplicate} 条`}
                {preview.unknownUnits.length > 0 && `；未识别的单位 ${preview.unknownUnits.length} 个`}
              </Text>
              <Button onClick={() => void imp.apply()} loading={imp.busy === 'apply'} disabled={imp.busy !== null || preview.errors > 0 || nothing || undecided > 0} title={undecided > 0 ? `还有 ${undecided} 条疑似重复未选择` : undefined}>
                应用导入
              </Button>
            </Group>
            {preview.errors > 0 && <Alert color="red">有 {preview.errors} 个文件无法读取，请先移除它们再应用（不会写入任何数据）。</Alert>}
            <DuplicatesPanel keys={dupKeys} choices={imp.duplicates} onChooseAll={(c) => imp.setDuplicates({ ...imp.duplicates, ...Object.fromEntries(dupKeys.map((k) => [k, c])) })} />
            <UnknownUnitsPanel
              unknown={preview.unknownUnits}
              units={units}
              decisions={imp.decisions}
              onDecide={(name, id) => imp.setDecisions({ ...imp.decisions, [name]: id })}
            />
            {preview.files.map((f) => (
              <FilePreviewCard key={`${f.source}:${f.file}`} file={f} onMapping={setMapping} dup={dup} />
            ))}
          </Stack>
        )}
        <Stack gap={6}>
          <Title order={5}>导入批次</Title>
          <BatchesPanel batches={batches} onUndone={afterChange} />
        </Stack>
      </Stack>
    </ScrollArea>
  );
}
