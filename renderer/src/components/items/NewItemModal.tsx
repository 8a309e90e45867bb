import { TextInput } from '@mantine/core';
import { useState } from 'react';
import { ITEM_KIND_LABELS, type Item, type ItemKind } from '../../../../shared/contract/schemas/items';
import { call } from '../../api/client';
import { errorText } from '../../app/notify';
import { useBusy } from '../../hooks/use-busy';
import { FormModal } from '../common/FormModal';

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
  const { busy, run } = useBusy((e) => setError(errorText(e)));
  const label = ITEM_KIND_LABELS[kind];

  const create = () =>
    run(async () => {
      const item = await call('items:create', { kind, title, planId, sectionId });
      setTitle('');
      setError(null);
      onCreated(item);
    });

  return (
    <FormModal title={`新增${label}`} opened={opened} onClose={onClose} onSubmit={() => void create()} submitLabel="创建" busy={busy}>
      <TextInput
        label={`${label}标题`}
        description="创建后在详情中填写单位、时限等其余内容"
        data-autofocus
        value={title}
        error={error}
        onChange={(e) => setTitle(e.currentTarget.value)}
      />
    </FormModal>
  );
}
