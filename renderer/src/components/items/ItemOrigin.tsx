import { Badge, Button, Group, Text } from '@mantine/core';
import type { Item } from '../../../../shared/contract/schemas/items';
import { call } from '../../api/client';
import { notifyError, notifyOk } from '../../app/notify';

/** Where an item comes from: an upper office's item (which can be broken down here) or a local one linked to it. */
export function ItemOrigin({ item, onChanged }: { item: Item; onChanged: () => void }) {
  async function breakDown() {
    try {
      const r = await call('items:break-down', { upperItemIds: [item.id] });
      notifyOk(r.created ? `已分解为本级条目 ${r.items[0]?.code ?? ''}` : '此条目已分解过，未重复分解');
      onChanged();
    } catch (e) {
      notifyError(e);
    }
  }
  if (item.origin === 'upper') {
    return (
      <Group gap="xs" mb="xs" data-testid="item-origin">
        <Badge variant="light">上级下发</Badge>
        <Button size="compact-xs" variant="light" onClick={() => void breakDown()}>
          分解为本级条目
        </Button>
      </Group>
    );
  }
  if (!item.upperCode && item.upperItemId === null) return null;
  return (
    <Group gap="xs" mb="xs" data-testid="item-origin">
      <Badge variant="light" color="gray">本级</Badge>
      <Text size="sm">分解自上级条目{item.upperCode ? ` ${item.upperCode}` : ''}</Text>
    </Group>
  );
}
