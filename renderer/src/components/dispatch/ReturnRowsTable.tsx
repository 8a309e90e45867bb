import { Badge, Table, Text } from '@mantine/core';
import type { z } from 'zod';
import { COMBINE_RULE_TEXT, TEMPLATE_FIELD_LABELS, type ReturnRowSchema, type TemplateField } from '../../../../shared/contract/schemas/exchange';
import type { ItemLight } from '../../../../shared/contract/schemas/lights';
import { ItemLightCell } from './ItemLightCell';
import { codeTitle } from '../../../../shared/contract/item-code';

type ReturnRow = z.infer<typeof ReturnRowSchema>;

const MATCHED: Record<ReturnRow['matchedBy'], string> = { uid: '标识', code: '编号', title: '名称+牵头' };
const REPORT: Record<ReturnRow['report'], { text: string; color: string }> = {
  new: { text: '＋ 新报送', color: 'teal' },
  changed: { text: '✎ 更新', color: 'indigo' },
  unchanged: { text: '＝ 未变', color: 'gray' },
};

function valuesText(values: Record<string, string>): string {
  return Object.entries(values)
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${TEMPLATE_FIELD_LABELS[k as TemplateField] ?? k}：${v}`)
    .join('；');
}

/** An item several units lead or are responsible for: each keeps its own report; the item shows their combination, by this rule. */
function SharedNote({ units }: { units: readonly string[] }) {
  return (
    <Text size="xs" c="dimmed" title={COMBINE_RULE_TEXT} data-testid="combine-rule">
      {units.length} 个单位各自报送（{units.join('、')}），条目按合并规则：都已完成才为已完成，完成比例取最低
    </Text>
  );
}

/** The matched rows of a returned file: light now, how it matched, what it reports and what it changes. */
export function ReturnRowsTable({ rows, lights }: { rows: readonly ReturnRow[]; lights: ReadonlyMap<number, ItemLight> }) {
  if (!rows.length) return <Text size="sm" c="dimmed">没有可显示的行。</Text>;
  return (
    <Table striped withTableBorder withColumnBorders fz="sm" verticalSpacing={3} aria-label="报送行">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={44} ta="right">行</Table.Th>
          <Table.Th w={150}>亮灯（当前）</Table.Th>
          <Table.Th w={240}>条目</Table.Th>
          <Table.Th w={70}>匹配</Table.Th>
          <Table.Th w={90}>报送</Table.Th>
          <Table.Th>报送内容</Table.Th>
          <Table.Th w={230}>条目将更新</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={`${r.sheet}:${r.row}`}>
            <Table.Td ta="right">{r.row}</Table.Td>
            <Table.Td><ItemLightCell light={lights.get(r.itemId)} /></Table.Td>
            <Table.Td>
              <Text size="sm" lineClamp={2} title={r.title}>{codeTitle(r.code, r.title)}</Text>
            </Table.Td>
            <Table.Td>按{MATCHED[r.matchedBy]}</Table.Td>
            <Table.Td>
              <Badge variant="light" color={REPORT[r.report].color} radius="sm" size="sm" styles={{ label: { textTransform: 'none' } }}>
                {REPORT[r.report].text}
              </Badge>
            </Table.Td>
            <Table.Td><Text size="sm" lineClamp={3}>{valuesText(r.values)}</Text></Table.Td>
            <Table.Td>
              {r.itemChanges.map((c) => (
                <Text key={c.field} size="xs" lineClamp={2}>
                  {c.label}：{c.before || '（空）'} → {c.after || '（空）'}
                </Text>
              ))}
              {r.conflicts.length > 0 && <Text size="xs" c="orange.8">▲ 冲突 {r.conflicts.length} 处，见上方</Text>}
              {r.sharedBy.length > 1 && <SharedNote units={r.sharedBy} />}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
