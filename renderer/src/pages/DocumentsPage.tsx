import { Alert, Badge, Button, Divider, Group, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useCallback, useEffect, useState } from 'react';
import type { Document } from '../../../shared/contract/schemas/documents';
import { call } from '../api/client';
import { notifyError, notifyOk } from '../app/notify';
import { AttachmentList } from '../components/documents/AttachmentList';
import { DocumentFieldsForm } from '../components/documents/DocumentFieldsForm';
import { DocumentList } from '../components/documents/DocumentList';
import { draftOf, emptyDraft, saveInput, type DocumentDraft, type InstructionDraft } from '../components/documents/document-form-state';
import { InstructionsEditor } from '../components/documents/InstructionsEditor';
import { ToTaskModal } from '../components/documents/ToTaskModal';
import { useBusy } from '../hooks/use-busy';
import { slipPrintHash } from '../print/print-route';

/** #/documents?id=12 opens that document. */
function idFromHash(): number | undefined {
  const m = /[?&]id=(\d+)/.exec(location.hash);
  return m ? Number(m[1]) : undefined;
}

/** 来文批示: register incoming documents with the slip's fields, leader instructions, files; turn instructions into tasks; print the slip. */
export function DocumentsPage() {
  const [selected, setSelected] = useState<number | undefined>(idFromHash());
  const [doc, setDoc] = useState<Document | null>(null);
  const [draft, setDraft] = useState<DocumentDraft>(emptyDraft());
  const [version, setVersion] = useState(0);
  const { busy, run } = useBusy();
  const [toTask, setToTask] = useState<InstructionDraft | null>(null);

  const load = useCallback(async (id: number | undefined) => {
    if (id === undefined) return (setDoc(null), setDraft(emptyDraft()));
    try {
      const d = await call('documents:get', { id });
      setDoc(d);
      setDraft(draftOf(d));
    } catch (e) {
      notifyError(e);
    }
  }, []);
  useEffect(() => {
    void load(selected);
    // Keep the open document in the address, so 返回 from the slip preview comes back to it.
    history.replaceState(null, '', selected === undefined ? '#/documents' : `#/documents?id=${selected}`);
  }, [selected, load]);

  async function save() {
    await run(async () => {
      const saved = await call('documents:save', saveInput(draft));
      notifyOk(saved.flags.length ? `已保存（${saved.flags.join('、')}）` : '已保存');
      setSelected(saved.id);
      setDoc(saved);
      setDraft(draftOf(saved));
      setVersion((v) => v + 1);
    });
  }

  function remove() {
    if (!doc) return;
    modals.openConfirmModal({
      title: '删除来文',
      children: <Text size="sm">删除「{doc.subject}」及其批示和附件？由批示转成的任务会保留。</Text>,
      labels: { confirm: '删除', cancel: '取消' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        void call('documents:delete', { id: doc.id }).then((r) => {
          notifyOk(r.tasksKept ? `已删除来文，保留由其批示转成的任务 ${r.tasksKept} 项` : '已删除来文');
          setSelected(undefined);
          setVersion((v) => v + 1);
        }, notifyError),
    });
  }

  const set = <K extends keyof DocumentDraft['fields']>(key: K, value: DocumentDraft['fields'][K]) => setDraft((d) => ({ ...d, fields: { ...d.fields, [key]: value } }));
  const dirty = JSON.stringify(saveInput(draft)) !== JSON.stringify(doc ? saveInput(draftOf(doc)) : saveInput(emptyDraft()));

  return (
    <Group align="stretch" wrap="nowrap" h="100%" gap="md" p="xs" style={{ minHeight: 0, flex: 1 }}>
      <Stack gap="xs" style={{ minHeight: 0 }}>
        <Group justify="space-between">
          <Title order={3}>来文批示</Title>
          <Button size="xs" onClick={() => (setSelected(undefined), void load(undefined))}>
            登记来文
          </Button>
        </Group>
        <DocumentList selectedId={selected} version={version} onSelect={setSelected} />
      </Stack>
      <Divider orientation="vertical" />
      <ScrollArea style={{ flex: 1 }}>
        <Stack gap="sm" pr="md" pb="xl" maw={1100}>
          <Group justify="space-between">
            <Group gap="xs">
              <Title order={4}>{doc ? '文件处理单' : '登记来文'}</Title>
              {doc?.flags.map((f) => (
                <Badge key={f} color="orange" variant="outline">
                  {f}
                </Badge>
              ))}
              {dirty && <Badge color="gray" variant="light">未保存</Badge>}
            </Group>
            <Group gap="xs">
              <Button variant="default" disabled={!doc || dirty} title={dirty ? '先保存' : undefined} onClick={() => doc && (location.hash = slipPrintHash(doc.id))}>
                打印处理单
              </Button>
              {doc && (
                <Button variant="subtle" color="red" onClick={remove}>
                  删除
                </Button>
              )}
              <Button loading={busy} onClick={() => void save()}>
                保存
              </Button>
            </Group>
          </Group>
          {doc && doc.flags.length > 0 && (
            <Alert color="orange" variant="light">
              这份来文{doc.flags.join('、')}，已照常保存并在列表和处理单上标注；补齐后再保存即可。
            </Alert>
          )}
          <DocumentFieldsForm fields={draft.fields} set={set} />
          <Divider />
          <InstructionsEditor list={draft.instructions} onChange={(instructions) => setDraft((d) => ({ ...d, instructions }))} onToTask={setToTask} />
          <Divider />
          <AttachmentList documentId={doc?.id} files={doc?.files ?? []} onChanged={() => (void load(doc?.id), setVersion((v) => v + 1))} />
        </Stack>
      </ScrollArea>
      <ToTaskModal
        instruction={toTask}
        subject={draft.fields.subject}
        onClose={() => setToTask(null)}
        onCreated={() => (setToTask(null), void load(doc?.id), setVersion((v) => v + 1))}
      />
    </Group>
  );
}
