import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Extension } from '../../../../shared/contract/schemas/followup';
import { call } from '../../api/client';
import { errorText, notifyOk } from '../../app/notify';
import { codeTitle } from '../../../../shared/contract/item-code';

/** Approve or refuse one extension request with a note (a refusal must say why). */
export function DecideModal({ ext, approve, onClose, onDone }: { ext: Extension | null; approve: boolean; onClose(): void; onDone(): void }) {
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => (setNote(approve ? '同意' : ''), setError(null)), [ext, approve]);

  async function submit() {
    if (!ext) return;
    setBusy(true);
    try {
      await call('extensions:decide', { id: ext.id, approve, note });
      notifyOk(approve ? `已同意「${ext.itemTitle}」延期至 ${ext.requestedDate}` : `已不同意「${ext.itemTitle}」的延期申请`);
      onDone();
      onClose();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened={ext !== null} onClose={onClose} title={approve ? '同意延期' : '不同意延期'} size="lg">
      {ext && (
        <Stack gap="xs">
          <Text size="sm">
            「{codeTitle(ext.itemCode, ext.itemTitle)}」{ext.unitName && `（${ext.unitName}）`}申请由 {ext.priorDeadline || '无'} 延期至 {ext.requestedDate}。
          </Text>
          <Text size="sm">理由：{ext.reason}</Text>
          {ext.late && <Alert color="orange" p="xs">这是完成时限过后才提出的申请（逾期申请），请审慎审批。</Alert>}
          <Textarea label={approve ? '审批意见' : '不同意的理由'} required={!approve} autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} data-autofocus />
          {error && <Alert color="red" p="xs">{error}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>取消</Button>
            <Button color={approve ? 'teal' : 'red'} loading={busy} onClick={() => void submit()}>
              {approve ? '确认同意' : '确认不同意'}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
