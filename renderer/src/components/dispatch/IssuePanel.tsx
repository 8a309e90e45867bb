import { Alert, Button, Checkbox, Group, Stack, Table, Text } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import type { Output } from '../../../../shared/contract/channels';
import type { Period } from '../../../../shared/contract/schemas/periods';
import { call } from '../../api/client';
import { notifyError, notifyOk } from '../../app/notify';
import { canChooseFolder, chooseFolder, saveBytes } from '../../platform/files';
import { UnitChecklist } from './UnitChecklist';

type IssueResult = Output<'templates:issue'>;
type Counts = Output<'templates:counts'>;

/** Each unit with the rows its template will hold (the same count the files get), refetched when 含配合条目 changes. */
function useTemplateCounts(includeCoop: boolean, periodId: number): { counts: Counts; loaded: boolean } {
  const [state, setState] = useState<{ counts: Counts; loaded: boolean }>({ counts: [], loaded: false });
  useEffect(() => {
    let live = true;
    call('templates:counts', { includeCoop }).then(
      (counts) => live && setState({ counts, loaded: true }),
      (e: unknown) => live && (notifyError(e), setState((s) => ({ ...s, loaded: true }))),
    );
    return () => {
      live = false;
    };
  }, [includeCoop, periodId]);
  return state;
}

/** Saves what 下发 made: written to the chosen folder in Electron, one .zip download in the browser. */
async function saveIssued(r: IssueResult, outDir: string | undefined): Promise<string> {
  if (outDir) return `已保存到 ${outDir}`;
  if (!r.zip) return '';
  const saved = await saveBytes(r.zip.fileName, r.zip.bytes);
  return saved ? `已下载 ${r.zip.fileName}（内含 ${r.files.length} 个文件）` : '未保存';
}

/** 下发填报模板: units (default every unit whose template has rows), options, then one file per unit. */
export function IssuePanel({ period, onIssued }: { period: Period; onIssued(): Promise<void> }) {
  const [includeCoop, setIncludeCoop] = useState(false);
  const { counts, loaded } = useTemplateCounts(includeCoop, period.id);
  const [checked, setChecked] = useState<Set<number>>(new Set());
  const [combined, setCombined] = useState(false);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<string | null>(null);
  const [result, setResult] = useState<{ r: IssueResult; where: string } | null>(null);
  const rows = useMemo(() => counts.filter((c) => checked.has(c.unitId)).reduce((n, c) => n + c.rows, 0), [counts, checked]);
  useEffect(() => setChecked(new Set(counts.filter((c) => c.rows > 0).map((c) => c.unitId))), [counts]);
  useEffect(() => setResult(null), [period.id]);

  async function issue() {
    let outDir: string | undefined;
    if (canChooseFolder()) {
      outDir = (await chooseFolder()) ?? undefined;
      if (!outDir) return;
    }
    setBusy(true);
    setProgress(`正在生成 ${checked.size} 个单位的模板…`);
    try {
      const r = await call('templates:issue', { periodId: period.id, unitIds: [...checked], includeCoop, combined, outDir, zip: !outDir });
      const where = await saveIssued(r, outDir);
      const perUnit = r.files.filter((f) => f.unitName);
      const total = perUnit.reduce((n, f) => n + f.rows, 0);
      setResult({ r, where });
      notifyOk(`已为 ${perUnit.length} 个单位生成「${r.periodName}」填报模板，共 ${total} 项；${where}`);
      await onIssued();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
      setProgress(null);
    }
  }

  if (period.closed) {
    return <Alert color="gray" title="本期已结束">期次「{period.name}」已结束，不能再下发模板。需要补发时，请在“期次”中重新打开。</Alert>;
  }
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        为「{period.name}」每个单位生成一个填报模板（.xlsx{canChooseFolder() ? '，保存到所选文件夹' : '，打包为一个 .zip 下载'}）：下发内容锁定，只开放状态、完成比例、完成值、进展情况、存在问题、下步计划。
        {period.issuedUnits > 0 && ` 本期已向 ${period.issuedUnits} 个单位下发过；再次生成会覆盖这些单位上次下发的记录。`}
      </Text>
      <UnitChecklist counts={counts} loaded={loaded} includeCoop={includeCoop} checked={checked} onChange={setChecked} />
      <Group gap="lg">
        <Checkbox label="含配合条目（单位仅配合的条目也发给它）" checked={includeCoop} onChange={(e) => setIncludeCoop(e.currentTarget.checked)} />
        <Checkbox label="另生成一个汇总工作簿（每个单位一张工作表）" checked={combined} onChange={(e) => setCombined(e.currentTarget.checked)} />
      </Group>
      <Group>
        <Button loading={busy} disabled={checked.size === 0} onClick={() => void issue()}>
          生成模板（{checked.size} 个单位，{rows} 项）
        </Button>
        {progress && <Text size="sm" c="dimmed" aria-live="polite">{progress}</Text>}
      </Group>
      {result && <IssuedFiles result={result.r} where={result.where} />}
    </Stack>
  );
}

function IssuedFiles({ result, where }: { result: IssueResult; where: string }) {
  const perUnit = result.files.filter((f) => f.unitName).length;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600} data-testid="issue-summary">
        已生成 {result.files.length} 个文件（{perUnit} 个单位），{where}
      </Text>
      <div style={{ maxHeight: 360, overflow: 'auto' }}>
        <Table striped withTableBorder withColumnBorders stickyHeader fz="sm" verticalSpacing={3} aria-label="已生成的模板">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={220}>单位</Table.Th>
              <Table.Th>文件</Table.Th>
              <Table.Th w={90} ta="right">条目数</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.files.map((f) => (
              <Table.Tr key={f.fileName}>
                <Table.Td>{f.unitName || '（汇总工作簿）'}</Table.Td>
                <Table.Td title={f.path ?? f.fileName}>{f.path ?? f.fileName}</Table.Td>
                <Table.Td ta="right">{f.rows}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
    </Stack>
  );
}
