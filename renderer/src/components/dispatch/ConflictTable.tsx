import { Button, Group, Radio, Stack, Table, Text } from '@mantine/core';
import type { ItemLight } from '../../../../shared/contract/schemas/lights';
import type { ReturnConflict } from '../../../../shared/contract/schemas/exchange';
import { ItemLightCell } from './ItemLightCell';
import { codeTitle } from '../../../../shared/contract/item-code';

export type Decision = 'mine' | 'theirs';
export type Decisions = Record<string, Decision>;

interface Props {
  conflicts: readonly ReturnConflict[];
  decisions: Decisions;
  lights: ReadonlyMap<number, ItemLight>;
  onChange(next: Decisions): void;
}

const KEPT = { background: 'var(--mantine-color-teal-0)', boxShadow: 'inset 3px 0 0 var(--mantine-color-teal-6)' };

function Value({ text, chosen }: { text: string; chosen: boolean }) {
  return (
    <Table.Td style={{ whiteSpace: 'pre-wrap', ...(chosen ? KEPT : {}) }}>
      {chosen && <Text span fw={700} c="teal.8" mr={4}>✓</Text>}
      {text || <Text span c="dimmed">（空）</Text>}
    </Table.Td>
  );
}

/**
 * Fields the office changed after issuing that the unit changed too: the office's value and the
 * unit's side by side, one choice per conflict (undecided keeps the office's value).
 */
export function ConflictTable({ conflicts, decisions, lights, onChange }: Props) {
  const undecided = conflicts.filter((c) => !decisions[c.key]).length;
  const all = (d: Decision) => onChange(Object.fromEntries(conflicts.map((c) => [c.key, d])));
  return (
    <Stack gap={6} data-testid="conflicts">
      <Group justify="space-between">
        <Group gap="xs">
          <Text fw={600}>冲突 {conflicts.length} 处</Text>
          <Text size="sm" c="dimmed">
            下发模板后本办改过、单位也改了的字段。请逐条选择；{undecided > 0 ? `还有 ${undecided} 处未选择，应用时保留本办的值。` : '已全部选择。'}
          </Text>
        </Group>
        <Group gap={6}>
          <Button size="compact-xs" variant="default" onClick={() => all('mine')}>全部保留本办</Button>
          <Button size="compact-xs" variant="default" onClick={() => all('theirs')}>全部采用报送</Button>
        </Group>
      </Group>
      <Table withTableBorder withColumnBorders fz="sm" verticalSpacing={4} aria-label="冲突">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={260}>条目</Table.Th>
            <Table.Th w={150}>亮灯（当前）</Table.Th>
            <Table.Th w={110}>字段</Table.Th>
            <Table.Th w={110}>下发时</Table.Th>
            <Table.Th>本办现值</Table.Th>
            <Table.Th>单位报送值</Table.Th>
            <Table.Th w={190}>处理</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {conflicts.map((c) => {
            const d = decisions[c.key];
            return (
              <Table.Tr key={c.key} data-testid="conflict-row">
                <Table.Td>
                  <Text size="sm" lineClamp={2} title={c.title}>{codeTitle(c.code, c.title)}</Text>
                  <Text size="xs" c="dimmed">报送单位：{c.unitName}</Text>
                </Table.Td>
                <Table.Td><ItemLightCell light={lights.get(c.itemId)} /></Table.Td>
                <Table.Td fw={500}>{c.label}</Table.Td>
                <Table.Td c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>{c.issued || '（空）'}</Table.Td>
                <Value text={c.current} chosen={d !== 'theirs'} />
                <Value text={c.returned} chosen={d === 'theirs'} />
                <Table.Td>
                  <Radio.Group
                    value={d ?? null}
                    onChange={(v) => onChange({ ...decisions, [c.key]: v as Decision })}
                    aria-label={`处理 ${c.code} ${c.label}`}
                  >
                    <Group gap="sm">
                      <Radio size="xs" value="mine" label="保留本办" />
                      <Radio size="xs" value="theirs" label="采用报送" />
                    </Group>
                  </Radio.Group>
                  {!d && <Text size="xs" c="orange.8">未选择（默认保留本办）</Text>}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
