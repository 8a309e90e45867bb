import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Output } from '../../../../shared/contract/channels';
import { call } from '../../api/client';

type OpenList = Output<'documents:open-instructions'>;

/** 批示待办: documents whose leader instructions are not yet done (no task, or tasks not finished). */
export function OpenInstructionsCard({ refreshKey }: { refreshKey: string }) {
  const [list, setList] = useState<OpenList | null>(null);
  useEffect(() => {
    let live = true;
    call('documents:open-instructions', {})
      .then((r) => live && setList(r))
      .catch(() => live && setList([]));
    return () => {
      live = false;
    };
  }, [refreshKey]);
  const open = list?.reduce((n, d) => n + d.instructions.filter((i) => i.open).length, 0) ?? 0;
  return (
    <Card withBorder data-testid="open-instructions">
      <Group justify="space-between" mb={6}>
        <Text fw={600}>批示待办</Text>
        <Anchor size="sm" href="#/documents">来文批示 →</Anchor>
      </Group>
      {list === null ? (
        <Text size="sm" c="dimmed">正在读取…</Text>
      ) : list.length === 0 ? (
        <Text size="sm" c="dimmed">没有未办结的领导批示</Text>
      ) : (
        <Stack gap={4}>
          <Text size="sm">{list.length} 份来文共 {open} 条批示未办结</Text>
          {list.slice(0, 5).map(({ document: d, instructions }) => (
            <Group key={d.id} gap="xs" wrap="nowrap">
              <Badge variant="light" color="orange" size="sm">{instructions.filter((i) => i.open).length} 条</Badge>
              <Anchor size="sm" href={`#/documents?id=${d.id}`} lineClamp={1}>
                {d.docNo ? `${d.docNo} ` : ''}{d.subject || '（无主题）'}
              </Anchor>
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  );
}
