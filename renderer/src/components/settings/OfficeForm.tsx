import { SegmentedControl, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { OFFICE_LEVELS, type Office } from '../../../../shared/contract/schemas/office';
import { call } from '../../api/client';
import { SettingsForm } from './SettingsForm';

interface Props {
  office: Office;
  onSaved(): Promise<void>;
}

/** 本办: name, level, region, upper office. */
export function OfficeForm({ office, onSaved }: Props) {
  const [form, setForm] = useState(office);
  useEffect(() => setForm(office), [office]);
  const set = (patch: Partial<Office>) => setForm((f) => ({ ...f, ...patch }));
  const dirty = JSON.stringify(form) !== JSON.stringify(office);
  const save = async () => `已保存本办信息：${(await call('office:set', form)).name || '（未填名称）'}`;

  return (
    <SettingsForm title="本办" submitLabel="保存本办信息" dirty={dirty} save={save} onSaved={onSaved}>
      <TextInput label="本办名称" placeholder="如 汨罗市七大攻坚工作专班办公室" value={form.name} onChange={(e) => set({ name: e.currentTarget.value })} />
      <div>
        <Text size="sm" fw={500} mb={4}>
          层级
        </Text>
        <SegmentedControl aria-label="层级" data={[...OFFICE_LEVELS]} value={form.level} onChange={(v) => set({ level: v as Office['level'] })} />
      </div>
      <TextInput label="所在地区" placeholder="如 湖南省岳阳市汨罗市" value={form.region} onChange={(e) => set({ region: e.currentTarget.value })} />
      <TextInput label="上级专班办公室" placeholder="如 岳阳市七大攻坚工作专班办公室" value={form.parentName} onChange={(e) => set({ parentName: e.currentTarget.value })} />
    </SettingsForm>
  );
}
