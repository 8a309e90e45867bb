import { Button, CloseButton, Group, SegmentedControl, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { ITEM_KIND_LABELS, ITEM_KINDS, type ItemKind } from '../../../../shared/contract/schemas/items';
import { readFiles } from '../../platform/files';
import { FileDropZone } from '../common/FileDropZone';
import type { ImportSources, PickedFile } from './use-import';

/**
 * Excel and WPS workbooks (.et is WPS's own), OpenDocument, text tables, and documents as they arrive
 * (Word .docx/.doc, WPS .wps, PDF); the reader tells them apart by content.
 */
const ACCEPT = [
  '.xlsx,.xls,.xlsm,.xltx,.xlt,.et,.ett,.ods,.csv,.txt,.tsv,.docx,.doc,.wps,.pdf',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel,text/csv',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/msword,application/pdf',
].join(',');

function PasteText({ text, onText }: { text: string; onText(text: string): void }) {
  const [draft, setDraft] = useState(text);
  return (
    <Stack gap={6}>
      <Textarea
        label="或粘贴方案正文"
        description="粘贴实施方案的正文（含“（一）…… 1. ……（省发展改革委牵头，……配合）”），识别出任务清单草稿"
        aria-label="粘贴方案正文"
        autosize
        minRows={4}
        maxRows={8}
        value={draft}
        onChange={(e) => setDraft(e.currentTarget.value)}
      />
      <Group gap="xs">
        <Button size="xs" disabled={!draft.trim() || draft === text} onClick={() => onText(draft)}>
          识别文本
        </Button>
        {text && (
          <Button size="xs" variant="subtle" color="gray" onClick={() => (setDraft(''), onText(''))}>
            清除文本
          </Button>
        )}
      </Group>
    </Stack>
  );
}

/** The same bytes typed as backed by an ArrayBuffer (File.arrayBuffer() always is); copies only otherwise. */
function asOwnBuffer(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : new Uint8Array(bytes);
}

/** Files (drop or pick), pasted plan text, and which list they go to. */
export function ImportSourcesPanel({ sources, busy, onChange }: { sources: ImportSources; busy: boolean; onChange(next: ImportSources): void }) {
  const addFiles = async (list: File[]) => {
    const read: PickedFile[] = (await readFiles(list)).map((f) => ({ name: f.name, bytes: asOwnBuffer(f.bytes) }));
    const names = new Set(read.map((f) => f.name));
    onChange({ ...sources, files: [...sources.files.filter((f) => !names.has(f.name)), ...read] });
  };
  const removeFile = (name: string) =>
    onChange({ ...sources, files: sources.files.filter((f) => f.name !== name), mappings: sources.mappings.filter((m) => m.file !== name) });
  return (
    <Stack gap="xs">
      <SimpleGrid cols={2} spacing="md">
        <FileDropZone
          busy={busy}
          onFiles={(l) => void addFiles(l)}
          title="把上级下发的清单文件拖到这里"
          hint="Excel（.xlsx、.xls）、WPS 的 .et、.csv，或来文原件 Word（.docx、.doc）、PDF，可一次拖入多个；任何表格样式都可以，先预览再导入。"
          buttonLabel="选择文件…"
          inputLabel="选择要导入的文件"
          accept={ACCEPT}
          testId="import"
          fill
        />
        <PasteText text={sources.text} onText={(text) => onChange({ ...sources, text })} />
      </SimpleGrid>
      <Group gap="md">
        <Group gap={6}>
          <Text size="sm">导入为</Text>
          <SegmentedControl
            size="xs"
            aria-label="导入为"
            value={sources.kind}
            onChange={(v) => onChange({ ...sources, kind: v as ItemKind })}
            data={ITEM_KINDS.map((k) => ({ value: k, label: `${ITEM_KIND_LABELS[k]}清单` }))}
          />
        </Group>
        {sources.files.map((f) => (
          <Group key={f.name} gap={2} data-testid="picked-file">
            <Text size="sm">{f.name}</Text>
            <CloseButton size="sm" aria-label={`移除 ${f.name}`} onClick={() => removeFile(f.name)} />
          </Group>
        ))}
      </Group>
    </Stack>
  );
}
