import { Button, Group, NumberInput, Paper, SimpleGrid, Text } from '@mantine/core';
import { DEFAULT_EVALUATION_WEIGHTS, formulaText, type EvaluationWeights } from '../../../../shared/contract/schemas/evaluation';

type Key = keyof EvaluationWeights;

const SCORE_FIELDS: { key: Key; label: string; hint: string }[] = [
  { key: 'base', label: '基础分', hint: '每个单位的起点' },
  { key: 'onTime', label: '按时报送率（满分）', hint: '× 按时报送率' },
  { key: 'green', label: '绿灯占比（满分）', hint: '× 绿灯占比' },
  { key: 'overdue', label: '每项逾期事项扣', hint: '分' },
  { key: 'extension', label: '每次获批延期扣', hint: '分' },
  { key: 'urge', label: '每次被催办扣', hint: '分' },
];

const LIST_FIELDS: { key: Key; label: string; hint: string }[] = [
  { key: 'commendTopN', label: '红榜：前 N 名', hint: '0 为不限' },
  { key: 'commendMinScore', label: '红榜：最低得分', hint: '不低于' },
  { key: 'criticiseBottomN', label: '黄榜：后 N 位', hint: '0 为不用' },
  { key: 'criticiseBelowScore', label: '黄榜：得分低于', hint: '0 为不用' },
  { key: 'criticiseRedLights', label: '黄榜：红灯超过', hint: '灯次，0 为不用' },
];

function Fields({ fields, value, onChange }: { fields: typeof SCORE_FIELDS; value: EvaluationWeights; onChange(w: EvaluationWeights): void }) {
  return (
    <>
      {fields.map((f) => (
        <NumberInput
          key={f.key}
          size="xs"
          label={f.label}
          description={f.hint}
          min={0}
          max={f.key === 'criticiseRedLights' ? 1000 : 100}
          allowDecimal={!/N$|RedLights$/.test(f.key)}
          value={value[f.key]}
          onChange={(v) => typeof v === 'number' && onChange({ ...value, [f.key]: v })}
        />
      ))}
    </>
  );
}

/** The office's weights and 红黄榜 rules: edits re-rank at once; 保存 keeps them for the office. */
export function WeightsEditor({ value, onChange, onSave, saving, dirty }: { value: EvaluationWeights; onChange(w: EvaluationWeights): void; onSave(): void; saving: boolean; dirty: boolean }) {
  return (
    <Paper withBorder p="sm" aria-label="权重设置">
      <SimpleGrid cols={6} spacing="xs" verticalSpacing={4}>
        <Fields fields={SCORE_FIELDS} value={value} onChange={onChange} />
      </SimpleGrid>
      <Text size="xs" mt={6} data-testid="evaluation-formula">
        {formulaText(value)}。按时报送率 = 按时报送次数 ÷ 应报次数；绿灯占比 = 绿灯（含已完成）÷ 各期亮灯总数。
      </Text>
      <SimpleGrid cols={5} spacing="xs" verticalSpacing={4} mt={6}>
        <Fields fields={LIST_FIELDS} value={value} onChange={onChange} />
      </SimpleGrid>
      <Group justify="flex-end" gap="xs" mt={8}>
        <Button size="xs" variant="default" onClick={() => onChange(DEFAULT_EVALUATION_WEIGHTS)}>恢复默认</Button>
        <Button size="xs" onClick={onSave} loading={saving} disabled={!dirty}>保存为本办权重</Button>
      </Group>
    </Paper>
  );
}
