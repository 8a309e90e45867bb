import { Anchor, Badge, Button, Card, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { ITEM_STATUS_LABELS } from '../../../../shared/contract/schemas/items';
import { ChineseDateInput } from '../common/ChineseDateInput';
import { newKey, type InstructionDraft } from './document-form-state';

interface Props {
  list: InstructionDraft[];
  onChange(list: InstructionDraft[]): void;
  /** Opens the 转为任务 dialog for a saved instruction. */
  onToTask(n: InstructionDraft): void;
}

function TaskLinks({ n }: { n: InstructionDraft }) {
  if (!n.tasks.length) return n.open ? <Badge color="orange" variant="light">未转任务</Badge> : null;
  return (
    <Group gap={6}>
      {n.tasks.map((t) => (
        <Badge key={t.id} color={t.status === 'done' ? 'teal' : 'indigo'} variant="light" style={{ textTransform: 'none' }}>
          <Anchor href={`#/tasks?id=${t.id}`} size="xs" inherit>
            任务：{t.title}（{ITEM_STATUS_LABELS[t.status]} {t.progress}%）
          </Anchor>
        </Badge>
      ))}
    </Group>
  );
}

/** 领导批示: several, each with person, date and words; a saved one can become a task. */
export function InstructionsEditor({ list, onChange, onToTask }: Props) {
  const patch = (key: string, p: Partial<InstructionDraft>) => onChange(list.map((n) => (n.key === key ? { ...n, ...p } : n)));
  const add = () => onChange([...list, { key: newKey(), person: '', givenOn: '', content: '', tasks: [], open: false }]);
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text fw={600}>领导批示（{list.length} 条）</Text>
        <Button size="xs" variant="light" onClick={add}>
          添加批示
        </Button>
      </Group>
      {list.length === 0 && <Text size="sm" c="dimmed">尚无领导批示。点“添加批示”逐条录入批示人、日期和批示内容。</Text>}
      {list.map((n, i) => (
        <Card key={n.key} withBorder padding="xs" data-testid={`instruction-${i + 1}`}>
          <Group align="flex-start" gap="xs" wrap="nowrap">
            <TextInput aria-label={`批示人 ${i + 1}`} placeholder="批示人" w={110} value={n.person} onChange={(e) => patch(n.key, { person: e.currentTarget.value })} />
            <ChineseDateInput free aria-label={`批示日期 ${i + 1}`} placeholder="2025-01-24" w={160} value={n.givenOn} onChange={(v) => patch(n.key, { givenOn: v })} />
            <Textarea
              aria-label={`批示内容 ${i + 1}`}
              placeholder="批示内容（只圈阅签名可留空）"
              style={{ flex: 1 }}
              autosize
              minRows={1}
              maxRows={6}
              value={n.content}
              onChange={(e) => patch(n.key, { content: e.currentTarget.value })}
            />
            <Stack gap={4}>
              <Button size="xs" variant="light" disabled={n.id === undefined} title={n.id === undefined ? '先保存来文' : undefined} onClick={() => onToTask(n)}>
                转为任务
              </Button>
              <Button size="xs" variant="subtle" color="red" disabled={n.tasks.length > 0} title={n.tasks.length ? '已转为任务，不能删除' : undefined} onClick={() => onChange(list.filter((x) => x.key !== n.key))}>
                删除
              </Button>
            </Stack>
          </Group>
          {n.id !== undefined && (
            <Group mt={4}>
              <TaskLinks n={n} />
            </Group>
          )}
        </Card>
      ))}
    </Stack>
  );
}
