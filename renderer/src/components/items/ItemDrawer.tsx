import './item-drawer.css';
import { Alert, Drawer, Loader, Tabs, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useEffect, useState } from 'react';
import { listCode } from '../../../../shared/contract/item-code';
import { ITEM_KIND_LABELS, type Item } from '../../../../shared/contract/schemas/items';
import type { Plan } from '../../../../shared/contract/schemas/plans';
import type { Unit } from '../../../../shared/contract/schemas/units';
import { call } from '../../api/client';
import { notifyError, notifyOk } from '../../app/notify';
import { useItemForm } from '../../hooks/use-item-form';
import { HistoryList } from './HistoryList';
import { ItemDetailForm } from './ItemDetailForm';
import { LinkedDocument } from '../documents/LinkedDocument';
import { ItemOrigin } from './ItemOrigin';
import { UpperChainSection } from './UpperChainSection';
import { UnitReports } from '../dispatch/UnitReports';
import { FollowupTab } from '../followup/FollowupTab';

interface Props {
  itemId: number | null;
  plans: readonly Plan[];
  units: readonly Unit[];
  onClose(): void;
  /** The item was saved or deleted: the list reads its rows again. */
  onChanged(): void;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

function useItem(itemId: number | null) {
  const [item, setItem] = useState<Item | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  useEffect(() => {
    setItem(null);
    setLoadError(null);
    if (itemId === null) return;
    let live = true;
    call('items:get', { id: itemId })
      .then((it) => live && setItem(it))
      .catch((e: unknown) => live && setLoadError(message(e)));
    return () => void (live = false);
  }, [itemId]);
  return { item, setItem, loadError };
}

/** The detail drawer: every field of the item's kind, its units and targets, its history; save and delete. */
export function ItemDrawer({ itemId, plans, units, onClose, onChanged }: Props) {
  const { item, setItem, loadError } = useItem(itemId);
  const form = useItemForm(item);
  const [tab, setTab] = useState<string | null>('detail');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => (setError(null), setTab('detail')), [itemId]);

  async function save() {
    if (!form.changes) return;
    setSaving(true);
    try {
      const saved = await call('items:update', form.changes);
      setItem(saved);
      setError(null);
      notifyOk(`已保存「${saved.title}」`);
      onChanged();
    } catch (e) {
      setError(message(e));
    } finally {
      setSaving(false);
    }
  }

  function askDelete() {
    if (!item) return;
    modals.openConfirmModal({
      title: `删除${ITEM_KIND_LABELS[item.kind]}`,
      children: <Text size="sm">确定删除「{item.title}」吗？它的单位分工、量化目标和填报记录会一并删除。</Text>,
      labels: { confirm: '删除', cancel: '取消' },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        try {
          const r = await call('items:delete', { ids: [item.id] });
          notifyOk(`已删除 ${r.deleted} 条`);
          onClose();
          onChanged();
        } catch (e) {
          notifyError(e);
        }
      },
    });
  }

  function close() {
    if (!form.changes) return onClose();
    modals.openConfirmModal({
      title: '有未保存的修改',
      children: <Text size="sm">关闭后这些修改会丢失。</Text>,
      labels: { confirm: '放弃修改并关闭', cancel: '继续编辑' },
      confirmProps: { color: 'red' },
      onConfirm: onClose,
    });
  }

  // 编号 as the list shows it: a bare 1 in section （一） reads 1-1.
  const code = item ? listCode(item.code, item.sectionName, item.groupName) : '';
  const title = item ? `${ITEM_KIND_LABELS[item.kind]}${code ? ` ${code}` : ''}：${item.title}` : '条目详情';
  return (
    <Drawer opened={itemId !== null} onClose={close} position="right" size={720} title={<Text fw={600} lineClamp={1}>{title}</Text>} padding="md">
      {loadError && <Alert color="red">{loadError}</Alert>}
      {!item && !loadError && <Loader size="sm" />}
      {item && form.draft && (
        <Tabs value={tab} onChange={setTab} keepMounted={false}>
          <Tabs.List mb="sm">
            <Tabs.Tab value="detail">详情</Tabs.Tab>
            <Tabs.Tab value="followup">督办</Tabs.Tab>
            <Tabs.Tab value="history">历史</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="detail">
            <ItemOrigin item={item} onChanged={onChanged} />
            <UpperChainSection item={item} />
            <UnitReports itemId={item.id} version={item.updatedAt} />
            {item.instructionId !== null && (
              <Alert color="orange" variant="light" mb="sm" p="xs">
                <LinkedDocument instructionId={item.instructionId} />
              </Alert>
            )}
            <ItemDetailForm
              item={item}
              form={form}
              plans={plans}
              units={units}
              error={error}
              saving={saving}
              onSave={save}
              onRevert={() => (form.revert(), setError(null))}
              onDelete={askDelete}
            />
          </Tabs.Panel>
          <Tabs.Panel value="followup">
            <FollowupTab item={item} onChanged={() => void call('items:get', { id: item.id }).then((it) => (setItem(it), onChanged()), notifyError)} />
          </Tabs.Panel>
          <Tabs.Panel value="history">
            <HistoryList itemId={item.id} version={item.updatedAt} plans={plans} />
          </Tabs.Panel>
        </Tabs>
      )}
    </Drawer>
  );
}
