import { Button, Group, Modal, MultiSelect, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Plan } from '../../../../shared/contract/schemas/plans';
import type { Unit } from '../../../../shared/contract/schemas/units';
import { call } from '../../api/client';
import { notifyError, notifyOk } from '../../app/notify';
import { useBusy } from '../../hooks/use-busy';
import type { InstructionDraft } from './document-form-state';
import { unitPicker } from '../common/unit-options';

/** A short task name from the instruction's words: up to the first full stop, at most 40 characters. */
export function suggestTitle(content: string): string {
  const first = content.split(/[。；;\n]/)[0].trim();
  return [...first].slice(0, 40).join('');
}

interface Props {
  instruction: InstructionDraft | null;
  subject: string;
  onClose(): void;
  onCreated(): void;
}

/** 转为任务: who (牵头/配合), what, by when; creates a local task linked to the instruction. */
export function ToTaskModal({ instruction, subject, onClose, onCreated }: Props) {
  const [units, setUnits] = useState<Unit[]>([]);
  const [plans, setPlans] = useState<Plan[]>([]);
  const [title, setTitle] = useState('');
  const [content, setContent] = useState('');
  const [lead, setLead] = useState<string[]>([]);
  const [coop, setCoop] = useState<string[]>([]);
  const [leader, setLeader] = useState('');
  const [deadline, setDeadline] = useState('');
  const [planId, setPlanId] = useState<string | null>(null);
  const { busy, run } = useBusy();

  useEffect(() => {
    if (!instruction) return;
    setTitle(suggestTitle(instruction.content));
    setContent(instruction.content);
    setLeader(instruction.person);
    setLead([]);
    setCoop([]);
    setDeadline('');
    setPlanId(null);
    void Promise.all([call('units:list', {}), call('plans:list', {})]).then(([u, p]) => (setUnits(u), setPlans(p)), notifyError);
  }, [instruction]);

  async function submit() {
    const instructionId = instruction?.id;
    if (!instructionId) return;
    await run(async () => {
      const task = await call('instructions:to-task', {
        instructionId,
        title,
        content,
        leader,
        deadlineText: deadline,
        planId: planId ? Number(planId) : null,
        units: [...lead.map((id) => ({ unitId: Number(id), role: 'lead' as const })), ...coop.filter((id) => !lead.includes(id)).map((id) => ({ unitId: Number(id), role: 'coop' as const }))],
      });
      notifyOk(`已转为任务「${task.title}」，可在任务清单中跟踪`);
      onCreated();
    });
  }

  const unitData = unitPicker(units);
  return (
    <Modal opened={instruction !== null} onClose={onClose} title="领导批示转为任务" size="lg">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          来文：{subject}
          {instruction?.person ? `　批示人：${instruction.person}` : ''}
        </Text>
        <TextInput label="任务名称" withAsterisk value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
        <Textarea label="具体内容" autosize minRows={2} maxRows={8} value={content} onChange={(e) => setContent(e.currentTarget.value)} />
        <MultiSelect label="牵头单位" searchable {...unitData} value={lead} onChange={setLead} placeholder="选择单位" />
        <MultiSelect label="配合单位" searchable {...unitData} value={coop} onChange={setCoop} placeholder="选择单位" />
        <Group grow>
          <TextInput label="责任领导" value={leader} onChange={(e) => setLeader(e.currentTarget.value)} />
          <TextInput label="完成时限" placeholder="如 2025年3月底前" value={deadline} onChange={(e) => setDeadline(e.currentTarget.value)} />
        </Group>
        <Select label="所属方案（可不选）" clearable data={plans.map((p) => ({ value: String(p.id), label: p.title }))} value={planId} onChange={setPlanId} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            取消
          </Button>
          <Button loading={busy} disabled={!title.trim()} onClick={() => void submit()}>
            创建任务
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
