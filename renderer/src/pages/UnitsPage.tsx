import { Alert, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useMemo, useState } from 'react';
import type { Unit } from '../../../shared/contract/schemas/units';
import { call } from '../api/client';
import { notifyError } from '../app/notify';
import { UnitEditModal } from '../components/units/UnitEditModal';
import { UnitMergeModal } from '../components/units/UnitMergeModal';
import { UnitTable } from '../components/units/UnitTable';
import { CounterpartPanel } from '../components/units/CounterpartPanel';
import { useAppInfo } from '../hooks/use-app-info';
import { useUnits } from '../hooks/use-directory';
import { unitMatches } from '../components/common/unit-options';

/** 单位: the directory with aliases; add, rename, merge, delete unused. */
export function UnitsPage() {
  const { units, reload } = useUnits();
  const { refresh } = useAppInfo();
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);
  const [merging, setMerging] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const shown = useMemo(() => {
    const q = search.trim();
    return q ? units.filter((u) => unitMatches(u, q) || u.contact.includes(q)) : units;
  }, [units, search]);

  const changed = async (message: string) => {
    setDone(message);
    await reload();
    await refresh();
  };

  function askDelete(unit: Unit) {
    modals.openConfirmModal({
      title: '删除单位',
      children: <Text size="sm">确定从目录中删除「{unit.name}」吗？</Text>,
      labels: { confirm: '删除', cancel: '取消' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        void call('units:delete', { id: unit.id })
          .then(() => changed(`已删除单位「${unit.name}」`))
          .catch(notifyError),
    });
  }

  return (
    <Stack gap="xs" style={{ flex: 1, minHeight: 0 }}>
      <Group justify="space-between">
        <Group gap="sm" align="baseline">
          <Title order={3}>单位</Title>
          <Text size="sm" c="dimmed">
            共 {units.length} 个单位
          </Text>
        </Group>
        <Group gap="xs">
          <TextInput size="xs" w={220} aria-label="查找单位" placeholder="名称、别名、拼音或联系人" value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
          <Button size="xs" variant="default" onClick={() => setMerging(true)}>
            合并单位
          </Button>
          <Button size="xs" onClick={() => setEditing('new')}>
            新增单位
          </Button>
        </Group>
      </Group>
      {done && (
        <Alert color="teal" withCloseButton onClose={() => setDone(null)} py={6}>
          {done}
        </Alert>
      )}
      <UnitTable units={shown} onEdit={setEditing} onDelete={askDelete} />
      <CounterpartPanel onChanged={() => void reload()} />
      <UnitEditModal
        unit={editing}
        onClose={() => setEditing(null)}
        onSaved={(u) => (setEditing(null), void changed(`已保存单位「${u.name}」`))}
      />
      <UnitMergeModal opened={merging} units={units} onClose={() => setMerging(false)} onMerged={(m) => (setMerging(false), void changed(m))} />
    </Stack>
  );
}
