import { Button, Group, Paper, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { OFFICE_LEVELS, type Office } from '../../../../shared/contract/schemas/office';
import { call } from '../../api/client';
import { notifyError, notifyOk } from '../../app/notify';

interface Props {
  office: Office;
  onSaved(): Promise<void>;
}

/** 本办: name, level, region, upper office. */
export function OfficeForm({ office, onSaved }: Props) {
  const [form, setForm] = useState(office);
  const [busy, setBusy] = useState(false);
  useEffect(() => setForm(office), [office]);
  const set = (patch: Partial<Office>) => setForm((f) => ({ ...f, ...patch }));
  const dirty = JSON.stringify(form) !== JSON.stringify(office);

  async function save() {
    setBusy(true);
    try {
      const saved = await call('office:set', form);
      notifyOk(`已保存本办信息：${saved.name || '（未填名称）'}`);
      await onSaved();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="md">
      <form onSubmit={(e) => (e.preventDefault(), void save())}>
        <Stack gap="sm">
          <Title order={4}>本办</Title>
          <SimpleGrid cols={2} spacing="sm">
            <TextInput label="本办名称" placeholder="如 汨罗市七大攻坚工作专班办公室" value={form.name} onChange={(e) => set({ name: e.currentTarget.value })} />
            <div>
              <Text size="sm" fw={500} mb={4}>
                层级
              </Text>
              <SegmentedControl aria-label="层级" data={[...OFFICE_LEVELS]} value={form.level} onChange={(v) => set({ level: v as Office['level'] })} />
            </div>
            <TextInput label="所在地区" placeholder="如 湖南省岳阳市汨罗市" value={form.region} onChange={(e) => set({ region: e.currentTarget.value })} />
            <TextInput label="上级专班办公室" placeholder="如 岳阳市七大攻坚工作专班办公室" value={form.parentName} onChange={(e) => set({ parentName: e.currentTarget.value })} />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button type="submit" loading={busy} disabled={!dirty}>
              保存本办信息
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
