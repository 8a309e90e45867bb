import { Button, FileButton, Group, List, Paper, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { ReportUpResult } from '../../../../shared/contract/schemas/breakdown';
import { call } from '../../api/client';
import { notifyOk } from '../../app/notify';
import { useBusy } from '../../hooks/use-busy';
import { readFiles, saveBytes } from '../../platform/files';

/** 上报: the upper office's template for a period, filled from local data and saved for sending up. */
export function ReportUpCard() {
  const { busy, run } = useBusy();
  const [result, setResult] = useState<ReportUpResult | null>(null);

  async function fill(file: File | null) {
    if (!file) return;
    await run(async () => {
      const [picked] = await readFiles([file]);
      const r = await call('reportup:fill', { fileName: picked.name, bytes: picked.bytes });
      setResult(r);
      const saved = await saveBytes(r.fileName, r.bytes);
      notifyOk(`已填写上级模板 ${r.counts.filled} / ${r.counts.rows} 行（汇总下级 ${r.counts.rolledUp} 行，未匹配 ${r.counts.unmatched} 行）${saved ? `，已保存「${r.fileName}」` : ''}`);
    });
  }

  return (
    <Paper withBorder p="sm">
      <Title order={5}>上报</Title>
      <Text size="sm" c="dimmed" mb="xs">
        选择上级下发的填报模板（上级用本软件生成的 .xlsx），按本办分解的条目和本期报送自动填写，保存后按原渠道报送上级。
      </Text>
      <FileButton onChange={(f) => void fill(f)} accept=".xlsx">
        {(props) => (
          <Button size="xs" variant="light" loading={busy} {...props}>
            选择上级模板并填写…
          </Button>
        )}
      </FileButton>
      {result && (
        <div data-testid="reportup-result">
          <Text size="sm" mt="xs" fw={600}>
            {result.senderOffice}「{result.period}」模板（填报单位：{result.unit || '—'}）：共 {result.rows.length} 行，已填 {result.counts.filled} 行，其中由下级条目汇总 {result.counts.rolledUp} 行，未匹配 {result.counts.unmatched} 行
          </Text>
          {result.problems.length > 0 && (
            <List size="sm" mt={4}>
              {result.problems.slice(0, 20).map((p) => (
                <List.Item key={p}>▲ {p}</List.Item>
              ))}
              {result.problems.length > 20 && <List.Item>…… 另有 {result.problems.length - 20} 条</List.Item>}
            </List>
          )}
          <Group mt={6}>
            <Button size="xs" variant="default" onClick={() => void saveBytes(result.fileName, result.bytes)}>
              再次保存「{result.fileName}」
            </Button>
          </Group>
        </div>
      )}
    </Paper>
  );
}
