import { MultiSelect, Pill, Stack } from '@mantine/core';
import { ROLE_LABELS, ROLES, type Role } from '../../../../shared/contract/schemas/items';
import type { Unit } from '../../../../shared/contract/schemas/units';
import type { ItemDraft } from '../../hooks/use-item-form';
import { unitPicker } from '../common/unit-options';

interface Props {
  units: readonly Unit[];
  value: ItemDraft['units'];
  onChange(next: ItemDraft['units']): void;
}

/** The item's units, one picker per role (牵头 / 负责 / 配合), in the order chosen. */
export function UnitRolesEditor({ units, value, onChange }: Props) {
  const picker = unitPicker(units);
  const names = new Map(units.map((u) => [String(u.id), u.name]));

  function setRole(role: Role, ids: string[]) {
    const others = value.filter((u) => u.role !== role);
    onChange([...others, ...ids.map((id) => ({ unitId: Number(id), role }))].sort((a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role)));
  }

  return (
    <Stack gap={6}>
      {ROLES.map((role) => (
        <MultiSelect
          key={role}
          size="xs"
          label={`${ROLE_LABELS[role]}单位`}
          placeholder="输入单位名称查找"
          searchable
          clearable
          limit={100}
          nothingFoundMessage="目录中没有这个单位，可在“单位”页新增"
          {...picker}
          value={value.filter((u) => u.role === role).map((u) => String(u.unitId))}
          onChange={(ids) => setRole(role, ids)}
          renderPill={({ value: id, onRemove }) => {
            const name = names.get(String(id)) ?? String(id);
            return (
              <Pill key={String(id)} withRemoveButton onRemove={onRemove} removeButtonProps={{ 'aria-hidden': false, 'aria-label': `移除${name}` }}>
                {name}
              </Pill>
            );
          }}
        />
      ))}
    </Stack>
  );
}
