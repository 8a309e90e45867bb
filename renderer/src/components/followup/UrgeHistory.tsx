import { Anchor, Group, Stack, Text } from '@mantine/core';
import type { Urge } from '../../../../shared/contract/schemas/followup';
import { urgePrintHash } from '../../print/UrgePrint';

/** 催办 history of an item: who was urged, what, by when; each printable again. */
export function UrgeHistory({ urges }: { urges: readonly Urge[] }) {
  return (
    <Stack gap={4} data-testid="urge-history">
      <Text fw={600}>催办记录（{urges.length} 次）</Text>
      {urges.length === 0 && <Text size="sm" c="dimmed">没有催办记录。在清单中勾选条目后点「催办」。</Text>}
      {urges.map((u) => (
        <Group key={u.id} gap="xs" wrap="nowrap" align="flex-start" data-testid="urge-line">
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{u.issuedOn}</Text>
          <Text size="sm" style={{ flex: 1 }}>
            催办{u.unitName}：{u.content}
            {u.dueDate ? `（限 ${u.dueDate} 前）` : ''}
          </Text>
          <Anchor size="sm" href={urgePrintHash({ ids: [u.id] })}>打印</Anchor>
        </Group>
      ))}
    </Stack>
  );
}
