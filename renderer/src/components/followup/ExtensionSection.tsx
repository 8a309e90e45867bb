import { Alert, Badge, Button, Group, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { EXTENSION_STATE_LABELS, type Extension, type ItemFollowup } from '../../../../shared/contract/schemas/followup';
import type { Item } from '../../../../shared/contract/schemas/items';
import { call } from '../../api/client';
import { errorText, notifyOk } from '../../app/notify';
import { DecideModal } from './DecideModal';

const STATE_COLOR: Record<Extension['state'], string> = { pending: 'orange', approved: 'teal', refused: 'gray' };

function RequestLine({ e, onDecide }: { e: Extension; onDecide(approve: boolean): void }) {
  return (
    <Stack gap={0} data-testid="extension-line">
      <Group gap={6}>
        <Badge size="sm" variant="light" color={STATE_COLOR[e.state]}>{EXTENSION_STATE_LABELS[e.state]}</Badge>
        <Text size="sm">申请延期至 {e.requestedDate}（原 {e.priorDeadline || '无'}）</Text>
        {e.late && <Badge size="xs" color="red" variant="light">▲逾期申请</Badge>}
        {e.state === 'pending' && (
          <>
            <Button size="compact-xs" color="teal" onClick={() => onDecide(true)}>同意</Button>
            <Button size="compact-xs" variant="light" color="red" onClick={() => onDecide(false)}>不同意</Button>
          </>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {e.unitName || '本办登记'} · {e.requestedOn}{e.source === 'file' ? ` · 来自${e.periodName}回收文件` : ''} · 理由：{e.reason}
        {e.progressNote ? ` · 进展：${e.progressNote}` : ''}
        {e.decidedAt ? ` · 批复：${e.decisionNote || EXTENSION_STATE_LABELS[e.state]}（${e.decidedBy || '本办'}，${e.decidedAt.slice(0, 10)}）` : ''}
      </Text>
    </Stack>
  );
}

/** 延期: the count and 原定 deadline, the requests with their decisions, and a request typed by the office. */
export function ExtensionSection({ item, data, onChanged }: { item: Item; data: ItemFollowup; onChanged(): void }) {
  const [date, setDate] = useState('');
  const [reason, setReason] = useState('');
  const [progress, setProgress] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [deciding, setDeciding] = useState<{ ext: Extension; approve: boolean } | null>(null);

  async function request() {
    try {
      const ext = await call('extensions:request', { itemId: item.id, requestedDate: date, reason, progressNote: progress });
      notifyOk(ext.late ? '已登记延期申请（完成时限已过，标注为逾期申请）' : '已登记延期申请，待审批');
      setDate(''), setReason(''), setProgress(''), setError(null);
      onChanged();
    } catch (e) {
      setError(errorText(e));
    }
  }

  return (
    <Stack gap={6} data-testid="extension-section">
      <Group gap="xs">
        <Text fw={600}>延期</Text>
        {data.extensionCount > 0 ? (
          <Badge variant="light" color="orange">已延期 {data.extensionCount} 次，原定 {data.originalDeadline}</Badge>
        ) : (
          <Text size="sm" c="dimmed">未延期</Text>
        )}
      </Group>
      {data.extensions.map((e) => (
        <RequestLine key={e.id} e={e} onDecide={(approve) => setDeciding({ ext: e, approve })} />
      ))}
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <TextInput size="xs" type="date" label="申请延期至" w={150} value={date} onChange={(e) => setDate(e.currentTarget.value)} />
        <TextInput size="xs" label="延期理由" style={{ flex: 1 }} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
      </Group>
      <Textarea size="xs" label="目前进展" autosize minRows={1} value={progress} onChange={(e) => setProgress(e.currentTarget.value)} />
      {error && <Alert color="red" p="xs">{error}</Alert>}
      <Group justify="flex-end">
        <Button size="xs" variant="light" disabled={!date || !reason.trim()} onClick={() => void request()}>登记延期申请</Button>
      </Group>
      <DecideModal ext={deciding?.ext ?? null} approve={deciding?.approve ?? true} onClose={() => setDeciding(null)} onDone={onChanged} />
    </Stack>
  );
}
