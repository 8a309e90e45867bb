import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ITEM_KIND_LABELS, type Item, type ItemKind } from '../../../../shared/contract/schemas/items';
import { call } from '../../api/client';

interface Props {
  kind: ItemKind;
  opened: boolean;
  /** Plan and section of the current filter, given to the new item. */
  planId: number | null;
  sectionId: number | null;
  onClose(): void;
  onCreated(item: Item): void;
}

/** Asks for a title, creates the item, and hands it on for the drawer to edit the rest. */
export function NewItemModal({ kind, opened, planId, sectionId, onClose, onCreated }: Props) {
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const label = ITEM_KIND_LABELS[kind];

  async function create() {
    setBusy(true);
    try {
      const item = await call('items:create', { kind, title, planId, sectionId });
      setTitle('');
      setError(null);
      onCreated(item);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={`新增${label}`} size="lg">
      <form onSubmit={(e) => (e.preventDefault(), void create())}>
        <Stack>
          <TextInput
            label={`${label}标题`}
            description="创建后在详情中填写单位、时限等其余内容"
            data-autofocus
            value={title}
            error={error}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              取消
            </Button>
            <Button type="submit" loading={busy}>
              创建
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
