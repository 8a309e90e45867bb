import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Unit } from '../../../../shared/contract/schemas/units';
import { call } from '../../api/client';
import { errorText } from '../../app/notify';
import { useBusy } from '../../hooks/use-busy';
import { unitPicker } from '../common/unit-options';

interface Props {
  opened: boolean;
  units: readonly Unit[];
  onClose(): void;
  onMerged(message: string): void;
}

/** Merges one unit into another: every assignment moves, the old name becomes an alias. */
export function UnitMergeModal({ opened, units, onClose, onMerged }: Props) {
  const [sourceId, setSourceId] = useState<string | null>(null);
  const [targetId, setTargetId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { busy, run } = useBusy((e) => setError(errorText(e)));
  useEffect(() => (setSourceId(null), setTargetId(null), setError(null)), [opened]);
  const source = units.find((u) => String(u.id) === sourceId);
  const target = units.find((u) => String(u.id) === targetId);
  const { data, filter } = unitPicker(units);

  async function merge() {
    if (!source || !target) return;
    await run(async () => {
      const r = await call('units:merge', { sourceId: source.id, targetId: target.id });
      onMerged(`已合并，移交 ${r.movedAssignments} 项分工${r.alreadyHeld ? `（其中 ${r.alreadyHeld} 项「${r.target.name}」原已承担）` : ''}：「${source.name}」并入「${r.target.name}」`);
    });
  }

  return (
    <Modal opened={opened} onClose={onClose} title="合并单位" size="lg">
      <Stack gap="sm">
        <Text size="sm">同一单位在目录中出现两次（如“省发改委”和“省发展改革委”）时，把一个并入另一个，所有分工都保留。</Text>
        <Select label="被合并的单位" searchable filter={filter} data={data.filter((d) => d.value !== targetId)} value={sourceId} onChange={setSourceId} />
        <Select label="并入到" searchable filter={filter} data={data.filter((d) => d.value !== sourceId)} value={targetId} onChange={setTargetId} />
        {source && target && (
          <Alert color="orange" title="请确认">
            「{source.name}」承担的 {source.itemCount} 项条目的分工将移交给「{target.name}」，「{source.name}」这个名称成为「{target.name}」的别名，今后导入时自动识别。此操作不能撤销。
          </Alert>
        )}
        {error && <Alert color="red">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            取消
          </Button>
          <Button color="orange" disabled={!source || !target} loading={busy} onClick={merge}>
            确认合并
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
