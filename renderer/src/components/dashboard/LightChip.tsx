import { Badge, Tooltip } from '@mantine/core';
import { lightLook, type LightLevel } from '../../../../shared/contract/schemas/lights';
import type { LIGHT_SCHEMES } from '../../../../shared/contract/schemas/office';

type Scheme = (typeof LIGHT_SCHEMES)[number];

/** A light as a chip: symbol and colour word (●红), never colour alone; the reason on hover. */
export function LightChip({ scheme, level, reason }: { scheme: string; level: LightLevel; reason?: string }) {
  const look = lightLook(scheme as Scheme, level);
  const chip = (
    <Badge color={look.mantine} variant="light" radius="sm" size="sm" styles={{ label: { overflow: 'visible' } }} aria-label={`${look.color}灯${reason ? `：${reason}` : ''}`}>
      {look.text}
    </Badge>
  );
  return reason ? <Tooltip label={reason} withArrow>{chip}</Tooltip> : chip;
}
