import { Fieldset, NumberInput, Select, SimpleGrid, TextInput } from '@mantine/core';
import { COMPARATORS, POLICY_STAGES, PROJECT_STAGES, type ItemFields, type ItemKind } from '../../../../shared/contract/schemas/items';
import { ChineseDateInput } from '../common/ChineseDateInput';
import { COMPARATOR_LABELS, FIELD_LABELS } from './labels';

interface Props {
  kind: ItemKind;
  fields: ItemFields;
  set(patch: Partial<ItemFields>): void;
}

type NumberKey = 'investTotal' | 'investYearPlan' | 'investDone' | 'startRate' | 'payRate' | 'physicalRate' | 'targetValue' | 'baselineValue' | 'actualValue';
type DateKey = 'planStart' | 'planEnd' | 'actualStart' | 'planIssueDate' | 'actualIssueDate';

function NumberField({ k, fields, set, suffix, max }: { k: NumberKey; fields: ItemFields; set: Props['set']; suffix?: string; max?: number }) {
  return (
    <NumberInput
      label={suffix ? `${FIELD_LABELS[k]}（${suffix}）` : FIELD_LABELS[k]}
      thousandSeparator=","
      min={max !== undefined ? 0 : undefined}
      max={max}
      value={fields[k] ?? ''}
      onChange={(v) => set({ [k]: v === '' || v === null ? null : Number(v) })}
    />
  );
}

function DateField({ k, fields, set }: { k: DateKey; fields: ItemFields; set: Props['set'] }) {
  return <ChineseDateInput label={FIELD_LABELS[k]} value={fields[k] ?? ''} onChange={(v) => set({ [k]: v || null })} />;
}

function ProjectFields({ fields, set }: Omit<Props, 'kind'>) {
  return (
    <Fieldset legend="项目投资与进度" variant="filled">
      <SimpleGrid cols={3} spacing="xs">
        <NumberField k="investTotal" suffix="万元" fields={fields} set={set} />
        <NumberField k="investYearPlan" suffix="万元" fields={fields} set={set} />
        <NumberField k="investDone" suffix="万元" fields={fields} set={set} />
        <DateField k="planStart" fields={fields} set={set} />
        <DateField k="planEnd" fields={fields} set={set} />
        <DateField k="actualStart" fields={fields} set={set} />
        <NumberField k="startRate" suffix="%" max={100} fields={fields} set={set} />
        <NumberField k="payRate" suffix="%" max={100} fields={fields} set={set} />
        <NumberField k="physicalRate" suffix="%" max={100} fields={fields} set={set} />
        <Select label="项目阶段" clearable data={[...PROJECT_STAGES]} value={fields.projectStage} onChange={(v) => set({ projectStage: v as ItemFields['projectStage'] })} />
      </SimpleGrid>
    </Fieldset>
  );
}

function PolicyFields({ fields, set }: Omit<Props, 'kind'>) {
  return (
    <Fieldset legend="政策出台" variant="filled">
      <SimpleGrid cols={2} spacing="xs">
        <TextInput label="文号" value={fields.policyDocNo} onChange={(e) => set({ policyDocNo: e.currentTarget.value })} />
        <Select label="政策阶段" clearable data={[...POLICY_STAGES]} value={fields.policyStage} onChange={(v) => set({ policyStage: v as ItemFields['policyStage'] })} />
        <DateField k="planIssueDate" fields={fields} set={set} />
        <DateField k="actualIssueDate" fields={fields} set={set} />
      </SimpleGrid>
    </Fieldset>
  );
}

function IndicatorFields({ fields, set }: Omit<Props, 'kind'>) {
  return (
    <Fieldset legend="指标目标" variant="filled">
      <SimpleGrid cols={3} spacing="xs">
        <Select
          label="比较"
          clearable
          data={COMPARATORS.map((c) => ({ value: c, label: COMPARATOR_LABELS[c] }))}
          value={fields.comparator}
          onChange={(v) => set({ comparator: v as ItemFields['comparator'] })}
        />
        <NumberField k="targetValue" fields={fields} set={set} />
        <TextInput label="计量单位" placeholder="%、亿元" value={fields.targetUnit} onChange={(e) => set({ targetUnit: e.currentTarget.value })} />
        <NumberField k="baselineValue" fields={fields} set={set} />
        <NumberField k="actualValue" fields={fields} set={set} />
      </SimpleGrid>
    </Fieldset>
  );
}

/** The fields only one kind of item has. */
export function ItemFormKind({ kind, fields, set }: Props) {
  if (kind === 'project') return <ProjectFields fields={fields} set={set} />;
  if (kind === 'policy') return <PolicyFields fields={fields} set={set} />;
  if (kind === 'indicator') return <IndicatorFields fields={fields} set={set} />;
  return null;
}
