import { Alert, Badge, Card, Group, Stack, Text } from '@mantine/core';
import type { ColumnOverride, FilePreview, ImportProblem, SheetPreview } from '../../../../shared/contract/schemas/imports';
import { ProblemsTable, type LocatedProblem } from '../common/ProblemsTable';
import { ColumnMappingEditor } from './ColumnMappingEditor';
import { localTime } from './format-time';
import { PreviewItemsTable, type DuplicateChoices } from './PreviewItemsTable';

const located = (problems: readonly ImportProblem[]): LocatedProblem[] => problems.map(({ severity, ...p }) => ({ ...p, level: severity }));

function Counts({ c }: { c: FilePreview['counts'] }) {
  return (
    <Text size="sm" span>
      新增 <b>{c.new}</b> · 更新 <b>{c.changed}</b> · 不变 <b>{c.unchanged}</b>
      {c.duplicate > 0 && <> · <Text span c="grape.8">疑似重复 <b>{c.duplicate}</b></Text></>}
    </Text>
  );
}

function Plans({ sheet }: { sheet: SheetPreview }) {
  return (
    <Stack gap={2}>
      {sheet.plans.map((p) => (
        <Text key={p.title} size="sm">
          <b>方案</b> {p.title} {p.isNew ? <Badge size="xs" variant="light" color="teal">新方案</Badge> : <Badge size="xs" variant="light" color="gray">已有</Badge>}
          {p.sections.length > 0 && <Text span size="xs" c="dimmed">　章节 {p.sections.length} 个：{p.sections.join('　')}</Text>}
        </Text>
      ))}
    </Stack>
  );
}

function SheetSection({ file, sheet, onMapping, dup }: { file: string; sheet: SheetPreview; onMapping(o: ColumnOverride): void; dup: DuplicateChoices }) {
  const title = sheet.mappingSource === 'text' ? '方案文本' : `工作表「${sheet.name}」`;
  return (
    <Stack gap={6} data-testid="sheet-preview">
      <Group gap="sm">
        <Text fw={600}>{title}</Text>
        <Text size="sm" c="dimmed">{sheet.itemCount} 条</Text>
        <Counts c={sheet.counts} />
      </Group>
      {sheet.columns.length > 0 && <ColumnMappingEditor file={file} sheet={sheet} onChange={onMapping} />}
      <Plans sheet={sheet} />
      <PreviewItemsTable items={sheet.items} total={sheet.itemCount} label={`${file} ${title} 的条目`} dup={dup} />
      <ProblemsTable layout="import" problems={located(sheet.problems)} total={sheet.problemCount} label={`${file} ${title} 的问题`} />
    </Stack>
  );
}

/** One file's preview: errors, then each data sheet with its mapping, plans, items and problems. */
export function FilePreviewCard({ file, onMapping, dup }: { file: FilePreview; onMapping(o: ColumnOverride): void; dup: DuplicateChoices }) {
  return (
    <Card withBorder padding="sm" data-testid="file-preview">
      <Stack gap="sm">
        <Group gap="sm">
          <Text fw={700}>{file.source === 'text' ? '粘贴的方案文本' : file.file}</Text>
          {!file.error && <Counts c={file.counts} />}
          {file.alreadyImported && (
            <Badge variant="light" color="yellow" styles={{ label: { textTransform: 'none' } }}>
              此文件已于 {localTime(file.alreadyImported.at)} 导入（批次 #{file.alreadyImported.batchId}）
            </Badge>
          )}
        </Group>
        {file.error && (
          <Alert color="red" title="无法读取，不会导入" data-testid="file-error">
            {file.error}
          </Alert>
        )}
        {!file.error && <ProblemsTable layout="import" problems={located(file.problems)} label={`${file.file} 的问题`} />}
        {file.sheets.map((s) => (
          <SheetSection key={s.name} file={file.file} sheet={s} onMapping={onMapping} dup={dup} />
        ))}
      </Stack>
    </Card>
  );
}
