import { SimpleGrid, TagsInput, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Unit } from '../../../../shared/contract/schemas/units';
import { call } from '../../api/client';
import { errorText } from '../../app/notify';
import { useBusy } from '../../hooks/use-busy';
import { FormModal } from '../common/FormModal';

interface Props {
  /** The unit to edit; 'new' to add one; null when closed. */
  unit: Unit | 'new' | null;
  onClose(): void;
  onSaved(unit: Unit): void;
}

const EMPTY = { name: '', kind: '', contact: '', phone: '', aliases: [] as string[] };

/** Adds a unit or edits one: name (rename), kind, contact, phone, aliases. */
export function UnitEditModal({ unit, onClose, onSaved }: Props) {
  const [form, setForm] = useState(EMPTY);
  const [error, setError] = useState<string | null>(null);
  const { busy, run } = useBusy((e) => setError(errorText(e)));
  useEffect(() => {
    setError(null);
    setForm(unit && unit !== 'new' ? { name: unit.name, kind: unit.kind, contact: unit.contact, phone: unit.phone, aliases: unit.aliases } : EMPTY);
  }, [unit]);
  const set = (patch: Partial<typeof EMPTY>) => setForm((f) => ({ ...f, ...patch }));

  const save = () =>
    run(async () => {
      let saved: Unit;
      if (unit === 'new') {
        const created = await call('units:create', { name: form.name, kind: form.kind, contact: form.contact, phone: form.phone });
        saved = form.aliases.length ? await call('units:update', { id: created.id, aliases: form.aliases }) : created;
      } else if (unit) {
        saved = await call('units:update', { id: unit.id, ...form });
      } else return;
      onSaved(saved);
    });

  return (
    <FormModal title={unit === 'new' ? '新增单位' : '编辑单位'} opened={unit !== null} onClose={onClose} onSubmit={() => void save()} submitLabel="保存" busy={busy} gap="sm">
      <TextInput label="单位名称" data-autofocus value={form.name} error={error} onChange={(e) => set({ name: e.currentTarget.value })} />
      <TagsInput
        label="别名"
        description="同一单位的其他写法，如 省发改委 = 省发展改革委；输入后按回车"
        value={form.aliases}
        onChange={(aliases) => set({ aliases })}
        splitChars={[',', '，', '、']}
      />
      <SimpleGrid cols={3} spacing="xs">
        <TextInput label="类别" placeholder="如 省直部门" value={form.kind} onChange={(e) => set({ kind: e.currentTarget.value })} />
        <TextInput label="联系人" value={form.contact} onChange={(e) => set({ contact: e.currentTarget.value })} />
        <TextInput label="电话" value={form.phone} onChange={(e) => set({ phone: e.currentTarget.value })} />
      </SimpleGrid>
    </FormModal>
  );
}
