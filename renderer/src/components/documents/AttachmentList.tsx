import { Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useState } from 'react';
import type { DocumentFile } from '../../../../shared/contract/schemas/documents';
import { call } from '../../api/client';
import { notifyError, notifyOk } from '../../app/notify';
import { readFiles, saveBytes } from '../../platform/files';

const ACCEPT = '.pdf,.ofd,.doc,.docx,.wps,.xls,.xlsx,.jpg,.jpeg,.png,.tif,.tiff,.txt';

function size(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;
}

/** The document's files: attach (checked by the core), download, remove. */
export function AttachmentList({ documentId, files, onChanged }: { documentId: number | undefined; files: readonly DocumentFile[]; onChanged(): void }) {
  const [busy, setBusy] = useState(false);

  async function attach(picked: File[]) {
    if (documentId === undefined || !picked.length) return;
    setBusy(true);
    try {
      for (const f of await readFiles(picked)) {
        await call('documents:attach', { documentId, fileName: f.name, bytes: f.bytes });
        notifyOk(`已附加「${f.name}」`);
      }
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
      onChanged();
    }
  }

  async function download(f: DocumentFile) {
    try {
      const r = await call('documents:file', { fileId: f.id });
      await saveBytes(r.fileName, r.bytes);
    } catch (e) {
      notifyError(e);
    }
  }

  function remove(f: DocumentFile) {
    modals.openConfirmModal({
      title: '删除附件',
      children: <Text size="sm">删除附件「{f.fileName}」？删除后不能恢复。</Text>,
      labels: { confirm: '删除', cancel: '取消' },
      confirmProps: { color: 'red' },
      onConfirm: () => void call('documents:detach', { fileId: f.id }).then(onChanged, notifyError),
    });
  }

  return (
    <Stack gap={4}>
      <Group justify="space-between">
        <Text fw={600}>附件（{files.length} 个）</Text>
        <FileButton onChange={(f) => void attach(f)} accept={ACCEPT} multiple>
          {(props) => (
            <Button {...props} size="xs" variant="light" loading={busy} disabled={documentId === undefined} title={documentId === undefined ? '先保存来文' : undefined}>
              附加文件
            </Button>
          )}
        </FileButton>
      </Group>
      <Text size="xs" c="dimmed">可附加 PDF、OFD、Word、WPS、Excel、图片（jpg/png/tif）或文本文件，单个不超过 20 MB。</Text>
      {files.map((f) => (
        <Group key={f.id} gap="xs" data-testid="attachment">
          <Text size="sm">{f.fileName}</Text>
          <Text size="xs" c="dimmed">{size(f.size)}</Text>
          <Button size="compact-xs" variant="subtle" onClick={() => void download(f)}>
            下载
          </Button>
          <Button size="compact-xs" variant="subtle" color="red" onClick={() => remove(f)}>
            删除
          </Button>
        </Group>
      ))}
    </Stack>
  );
}
