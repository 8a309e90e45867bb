import { Accordion, Badge, Group, Stack, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import type { ReturnFilePreview } from '../../../../shared/contract/schemas/exchange';
import type { ItemLight } from '../../../../shared/contract/schemas/lights';
import { ProblemsTable } from '../common/ProblemsTable';
import { ReturnRowsTable } from './ReturnRowsTable';
import { ReturnExtensions } from '../followup/ReturnExtensions';
import { ReturnClosures } from '../followup/ReturnClosures';
import { codeTitle } from '../../../../shared/contract/item-code';

function FileHead({ f }: { f: ReturnFilePreview }) {
  const c = f.counts;
  return (
    <Stack gap={2}>
      <Group gap="xs" wrap="nowrap">
        <Badge variant="light" color={f.ok ? 'teal' : f.blank ? 'orange' : 'red'} radius="sm" size="sm" styles={{ label: { textTransform: 'none' } }}>
          {f.ok ? '✓ 可导入' : f.blank ? '○ 退回空表' : '✕ 不能导入'}
        </Badge>
        <Text size="sm" fw={600} style={{ wordBreak: 'break-all' }}>{f.name}</Text>
      </Group>
      <Text size="xs" c="dimmed">
        {f.periodName ? `期次：${f.periodName}　单位：${f.unitNames.join('、') || '—'}　` : '未识别为本办下发的模板　'}
        匹配 {c.rows} 行：新报送 {c.newReports}，更新 {c.changedReports}，未变 {c.unchangedReports}；条目更新 {c.itemUpdates} 项
        {c.conflicts > 0 && `，冲突 ${c.conflicts} 处`}
        {(f.extensions?.length ?? 0) > 0 && `；申请延期 ${f.extensions!.length} 项`}
        {(f.closures?.length ?? 0) > 0 && `；申请办结 ${f.closures!.length} 项`}
        {c.errors > 0 && `；错误 ${c.errors}`}
        {c.warnings > 0 && `；请核对 ${c.warnings}`}
      </Text>
    </Stack>
  );
}

function FileBody({ f, lights }: { f: ReturnFilePreview; lights: ReadonlyMap<number, ItemLight> }) {
  const [changedOnly, setChangedOnly] = useState(true);
  const rows = changedOnly ? f.rows.filter((r) => r.report !== 'unchanged' || r.itemChanges.length || r.conflicts.length) : f.rows;
  return (
    <Stack gap="xs">
      <ProblemsTable layout="returns" problems={f.problems} label={`${f.name} 的问题`} />
      {f.missingRows.length > 0 && (
        <Text size="sm" c="orange.8">
          ▲ 文件中少了 {f.missingRows.length} 行（未报送）：{f.missingRows.map((m) => codeTitle(m.code, m.title)).join('；')}
        </Text>
      )}
      <ReturnExtensions rows={f.extensions} />
      <ReturnClosures rows={f.closures} />
      {f.rows.length > 0 && (
        <>
          <Switch size="xs" label={`只看有变化的行（${rows.length} / ${f.rows.length}）`} checked={changedOnly} onChange={(e) => setChangedOnly(e.currentTarget.checked)} />
          <ReturnRowsTable rows={rows} lights={lights} />
        </>
      )}
    </Stack>
  );
}

/** One entry per returned file: recognised period and unit, counts; opened, its problems and rows. */
export function ReturnFileList({ files, lights }: { files: readonly ReturnFilePreview[]; lights: ReadonlyMap<number, ItemLight> }) {
  const [open, setOpen] = useState<string[]>(() => files.filter((f) => !f.ok || f.counts.errors > 0).map((f) => f.name).slice(0, 3));
  return (
    <Accordion multiple value={open} onChange={setOpen} variant="contained" chevronPosition="left" data-testid="return-files">
      {files.map((f, i) => (
        <Accordion.Item key={`${i}:${f.name}`} value={f.name}>
          <Accordion.Control aria-label={`报送文件 ${f.name}`}>
            <FileHead f={f} />
          </Accordion.Control>
          <Accordion.Panel>{open.includes(f.name) && <FileBody f={f} lights={lights} />}</Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}
