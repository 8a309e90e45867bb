import { Group, Text } from '@mantine/core';
import type { ItemLight } from '../../../../shared/contract/schemas/lights';
import { LightChip } from '../items/cells';

/** The list page's light chip (●红) with its reason written beside it, not only on hover. */
export function ItemLightCell({ light }: { light: ItemLight | undefined }) {
  if (!light) return <Text span size="xs" c="dimmed">—</Text>;
  return (
    <Group gap={4} wrap="nowrap" align="flex-start">
      <LightChip light={light} />
      <Text span size="xs" c="dimmed" lh={1.3}>
        {light.reason}
      </Text>
    </Group>
  );
}
