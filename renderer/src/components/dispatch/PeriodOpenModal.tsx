import { Button, Group, Modal, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { PERIOD_KINDS, type Period, type PeriodKind } from '../../../../shared/contract/schemas/periods';
import { call } from '../../api/client';
import { errorText } from '../../app/notify';
import { useBusy } from '../../hooks/use-busy';
import { ChineseDateInput } from '../common/ChineseDateInput';
import { addDays, isoDate, nextPeriodDraft, periodEnd, type PeriodDraft } from './period-defaults';

interface Props {
  opened: boolean;
  periods: readonly Period[];
  onClose(): void;
  onOpened(p: Period): void;
}

/** 开启新期次: name pre-filled with the next number, kind, start, end and report due date. */
export function PeriodOpenModal({ opened, periods, onClose, onOpened }: Props) {
  const [draft, setDraft] = useState<PeriodDraft>(() => nextPeriodDraft(periods, isoDate(new Date())));
  const [error, setError] = useState<string | null>(null);
  const { busy, run } = useBusy((e) => setError(errorText(e)));
  useEffect(() => {
    if (opened) (setDraft(nextPeriodDraft(periods, isoDate(new Date()))), setError(null));
  }, [opened, periods]);
  const set = (patch: Partial<PeriodDraft>) => setDraft((d) => ({ ...d, ...patch }));
  // A new kind or start moves the end and the due date with it.
  const reshape = (kind: PeriodKind, start: string) => {
    const end = start ? periodEnd(start, kind) : draft.end;
    set({ kind, start, end, due: end ? addDays(end, 1) : draft.due });
  };

  async function submit() {
    await run(async () => {
      setError(null);
      onOpened(await call('periods:open', draft));
    });
  }

  return (
    <Modal opened={opened} onClose={onClose} title="开启新期次" size="lg">
      <Stack gap="sm">
        <SimpleGrid cols={2} spacing="sm">
          <TextInput label="期次名称" value={draft.name} onChange={(e) => set({ name: e.currentTarget.value })} placeholder="如 2025年第5期" />
          <Stack gap={4}>
            <Text size="sm" fw={500}>调度周期</Text>
            <SegmentedControl aria-label="调度周期" data={[...PERIOD_KINDS]} value={draft.kind} onChange={(v) => reshape(v as PeriodKind, draft.start)} />
          </Stack>
          <ChineseDateInput label="开始日期" value={draft.start} onChange={(v) => reshape(draft.kind, v)} />
          <ChineseDateInput label="结束日期" value={draft.end} onChange={(v) => set({ end: v })} />
          <ChineseDateInput label="报送截止日期" value={draft.due} onChange={(v) => set({ due: v })} description="逾期未报送的单位列入催报名单" />
        </SimpleGrid>
        {error && (
          <Text c="red" size="sm" role="alert">
            {error}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            取消
          </Button>
          <Button loading={busy} onClick={() => void submit()}>
            开启
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
