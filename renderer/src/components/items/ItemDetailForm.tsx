import { Alert, Box, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import type { Item } from '../../../../shared/contract/schemas/items';
import type { Plan } from '../../../../shared/contract/schemas/plans';
import type { Unit } from '../../../../shared/contract/schemas/units';
import type { useItemForm } from '../../hooks/use-item-form';
import { ItemFormKind } from './ItemFormKind';
import { ItemFormMain } from './ItemFormMain';
import { TargetsEditor } from './TargetsEditor';
import { UnitRolesEditor } from './UnitRolesEditor';

interface Props {
  item: Item;
  form: ReturnType<typeof useItemForm>;
  plans: readonly Plan[];
  units: readonly Unit[];
  /** The core's message when a save was refused. */
  error: string | null;
  saving: boolean;
  onSave(): void;
  onRevert(): void;
  onDelete(): void;
}

/** The 详情 tab: every field of the item's kind, then a footer that stays in view. */
export function ItemDetailForm({ item, form, plans, units, error, saving, onSave, onRevert, onDelete }: Props) {
  const draft = form.draft;
  if (!draft) return null;
  return (
    <>
      <Stack gap="sm">
        {error && (
          <Alert color="red" title="未能保存" role="alert">
            {error}
          </Alert>
        )}
        <ItemFormMain
          item={item}
          fields={draft.fields}
          plans={plans}
          set={form.setFields}
          deadlineError={!!error?.includes('完成时限')}
          unitsEditor={<UnitRolesEditor units={units} value={draft.units} onChange={form.setUnits} />}
        />
        <ItemFormKind kind={item.kind} fields={draft.fields} set={form.setFields} />
        <TargetsEditor value={draft.targets} onChange={form.setTargets} />
        <Textarea label="具体内容" autosize minRows={3} maxRows={12} value={draft.fields.content} onChange={(e) => form.setFields({ content: e.currentTarget.value })} />
        <Textarea label="备注" autosize minRows={1} maxRows={4} value={draft.fields.note} onChange={(e) => form.setFields({ note: e.currentTarget.value })} />
        <Text size="xs" c="dimmed">
          来源：{item.origin === 'upper' ? '上级下发' : '本级新增'}
          {item.upperCode ? `（上级编号 ${item.upperCode}）` : ''}
        </Text>
      </Stack>
      <Box className="qd-drawer-footer">
        <Group justify="space-between">
          <Button variant="subtle" color="red" onClick={onDelete}>
            删除
          </Button>
          <Group gap="xs">
            {form.changes && (
              <Text size="xs" c="orange.8">
                有未保存的修改
              </Text>
            )}
            <Button variant="default" disabled={!form.changes} onClick={onRevert}>
              撤销修改
            </Button>
            <Button loading={saving} disabled={!form.changes} onClick={onSave}>
              保存
            </Button>
          </Group>
        </Group>
      </Box>
    </>
  );
}
