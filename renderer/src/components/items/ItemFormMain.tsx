import { Group, NumberInput, Select, SimpleGrid, Slider, Stack, Text, TextInput, Textarea } from '@mantine/core';
import type { ReactNode } from 'react';
import { listCode } from '../../../../shared/contract/item-code';
import { ITEM_STATUSES, type Item, type ItemFields, type ItemStatus } from '../../../../shared/contract/schemas/items';
import type { Plan } from '../../../../shared/contract/schemas/plans';
import { DatePickButton } from '../common/ChineseDateInput';
import { parseDateText, chineseDate as dateInChinese } from '../common/date-text';
import { STATUS_META, chineseDate } from './labels';

interface Props {
  item: Item;
  fields: ItemFields;
  plans: readonly Plan[];
  set(patch: Partial<ItemFields>): void;
  /** The units with roles, shown right under plan and section. */
  unitsEditor: ReactNode;
  /** The core refused the deadline: the field shows red. */
  deadlineError?: boolean;
}

const STATUS_OPTIONS = ITEM_STATUSES.map((s) => ({ value: s, label: `${STATUS_META[s].symbol} ${STATUS_META[s].word}` }));

/** What the core derived from the deadline text, or that it will once saved. */
function deadlineHint(item: Item, text: string): string {
  if (text.trim() !== item.deadlineText) return '保存后按所写内容解析日期';
  if (!text.trim()) return '可写日期（2025-06-30、2025年6月底前）或说法（长期坚持）';
  return item.deadlineDate ? `解析为 ${chineseDate(item.deadlineDate)}` : '按原文保留（未解析出日期）';
}

/** Fields every item has: title, numbering, plan and section, leader, deadline, status and progress, notes. */
export function ItemFormMain({ item, fields, plans, set, unitsEditor, deadlineError }: Props) {
  const plan = plans.find((p) => p.id === fields.planId);
  // A bare 1 in section （一） is shown in the lists as 1-1: say so next to the stored number.
  const shown = listCode(fields.code, plan?.sections.find((s) => s.id === fields.sectionId)?.name ?? '', fields.groupName);
  return (
    <Stack gap="xs">
      <Textarea label="标题" autosize minRows={1} maxRows={3} value={fields.title} onChange={(e) => set({ title: e.currentTarget.value })} />
      <SimpleGrid cols={3} spacing="xs">
        <TextInput label="编号" description={shown !== fields.code ? `清单中显示为 ${shown}` : undefined} value={fields.code} onChange={(e) => set({ code: e.currentTarget.value })} />
        <TextInput label="分组" value={fields.groupName} onChange={(e) => set({ groupName: e.currentTarget.value })} />
        <TextInput label="责任领导" value={fields.leader} onChange={(e) => set({ leader: e.currentTarget.value })} />
      </SimpleGrid>
      <SimpleGrid cols={2} spacing="xs">
        <Select
          label="方案"
          placeholder="未归入方案"
          clearable
          searchable
          data={plans.map((p) => ({ value: String(p.id), label: p.title }))}
          value={fields.planId ? String(fields.planId) : null}
          onChange={(v) => set({ planId: v ? Number(v) : null, sectionId: null })}
        />
        <Select
          label="章节"
          placeholder={plan ? '未归入章节' : '先选方案'}
          clearable
          disabled={!plan}
          data={(plan?.sections ?? []).map((s) => ({ value: String(s.id), label: s.name }))}
          value={fields.sectionId ? String(fields.sectionId) : null}
          onChange={(v) => set({ sectionId: v ? Number(v) : null })}
        />
      </SimpleGrid>
      {unitsEditor}
      <SimpleGrid cols={2} spacing="xs">
        <TextInput
          label="完成时限"
          description={deadlineHint(item, fields.deadlineText)}
          placeholder="如 2025年9月底前、长期坚持"
          error={deadlineError}
          value={fields.deadlineText}
          onChange={(e) => set({ deadlineText: e.currentTarget.value })}
          rightSection={<DatePickButton label="选择完成日期" value={parseDateText(fields.deadlineText)} onPick={(d) => set({ deadlineText: dateInChinese(d) })} />}
        />
        <Select label="状态" data={STATUS_OPTIONS} allowDeselect={false} value={fields.status} onChange={(v) => v && set({ status: v as ItemStatus })} />
      </SimpleGrid>
      <div>
        <Text size="sm" fw={500}>
          完成比例
        </Text>
        <Group gap="sm" wrap="nowrap">
          <Slider style={{ flex: 1 }} min={0} max={100} step={5} label={(v) => `${v}%`} value={fields.progress} onChange={(v) => set({ progress: v })} aria-label="完成比例滑块" />
          <NumberInput
            w={90}
            size="xs"
            min={0}
            max={100}
            suffix="%"
            clampBehavior="strict"
            aria-label="完成比例"
            value={fields.progress}
            onChange={(v) => set({ progress: typeof v === 'number' ? Math.round(v) : 0 })}
          />
        </Group>
      </div>
      <Textarea label="进展情况" autosize minRows={2} maxRows={6} value={fields.progressNote} onChange={(e) => set({ progressNote: e.currentTarget.value })} />
      <Textarea label="存在问题" autosize minRows={1} maxRows={4} value={fields.problems} onChange={(e) => set({ problems: e.currentTarget.value })} />
    </Stack>
  );
}
