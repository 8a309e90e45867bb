import { Alert, Anchor, List, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import type { BreakDownPreview as Preview } from '../../../../shared/contract/schemas/counterparts';

/** Where the 对口单位 table is: the 单位 page, scrolled to it. */
export const COUNTERPARTS_HREF = '#/units?focus=counterparts';

/** What 分解 will do with the units: how many upper units have a 对口单位, and which have none (to map first). */
export function BreakDownPreview({ total, preview }: { total: number; preview: Preview }) {
  const { mapped, unmapped } = preview;
  return (
    <Stack gap="xs" data-testid="breakdown-preview">
      <Text size="sm">
        将当前列表中的 {total} 项上级条目各分解为一项本级条目（保留上级编号、完成时限和量化目标，与上级条目关联）。已分解过的条目不会重复分解。
      </Text>
      <Text size="sm">
        {mapped.length
          ? `${mapped.length} 个上级单位已有对口单位，分解时换为本级单位（如 ${mapped[0].upperName} → ${mapped[0].localName}），上级单位仍记为“上级牵头”等。`
          : '尚未设置对口单位：分解后的条目仍写上级单位。'}
      </Text>
      {unmapped.length > 0 && (
        <Alert color="orange" variant="light" title={`${unmapped.length} 个上级单位没有对口单位`} p="xs">
          <Text size="xs" mb={4}>分解后这些条目仍写上级单位名称。可先设置对口单位，再回来分解：</Text>
          <List size="xs" spacing={0} aria-label="没有对口单位的上级单位" style={{ maxHeight: 160, overflowY: 'auto' }}>
            {unmapped.map((u) => (
              <List.Item key={u.upperName}>
                {u.upperName}（{u.items} 项）
              </List.Item>
            ))}
          </List>
          <Anchor size="sm" href={COUNTERPARTS_HREF} onClick={() => modals.closeAll()}>
            去“单位”页设置对口单位 →
          </Anchor>
        </Alert>
      )}
    </Stack>
  );
}
