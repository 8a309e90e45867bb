import { Anchor, Badge, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import type { Extension } from '../../../../shared/contract/schemas/followup';
import { call } from '../../api/client';
import { listHref } from '../../app/routes';
import { DecideModal } from './DecideModal';
import { codeTitle } from '../../../../shared/contract/item-code';

/** 延期待审批 on 概览: every pending request, late ones marked, approve or refuse in place. */
export function ExtensionRequestsCard({ refreshKey, onDecided }: { refreshKey: string; onDecided(): void }) {
  const [list, setList] = useState<Extension[] | null>(null);
  const [deciding, setDeciding] = useState<{ ext: Extension; approve: boolean } | null>(null);
  const load = useCallback(() => {
    call('extensions:list', { state: 'pending' }).then(setList, () => setList([]));
  }, []);
  useEffect(load, [load, refreshKey]);

  return (
    <Card withBorder data-testid="extension-requests">
      <Group justify="space-between" mb={6}>
        <Text fw={600}>延期待审批</Text>
        {list && list.length > 0 && <Badge color="orange" variant="light">{list.length} 项</Badge>}
      </Group>
      {list === null ? (
        <Text size="sm" c="dimmed">正在读取…</Text>
      ) : list.length === 0 ? (
        <Text size="sm" c="dimmed">没有待审批的延期申请（单位在填报模板的「申请延期至」「延期理由」栏申请，导入回收文件后显示在这里）</Text>
      ) : (
        <Stack gap={4}>
          <Table striped withTableBorder fz="sm" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>事项</Table.Th>
                <Table.Th>单位</Table.Th>
                <Table.Th>原完成时限</Table.Th>
                <Table.Th>申请延期至</Table.Th>
                <Table.Th>理由</Table.Th>
                <Table.Th w={150}>审批</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((e) => (
                <Table.Tr key={e.id} data-testid="extension-row">
                  <Table.Td>
                    <Anchor size="sm" href={listHref(e.itemKind, { q: e.itemTitle })}>{codeTitle(e.itemCode, e.itemTitle)}</Anchor>
                  </Table.Td>
                  <Table.Td>{e.unitName || '—'}</Table.Td>
                  <Table.Td>{e.priorDeadline || '—'}</Table.Td>
                  <Table.Td>
                    {e.requestedDate}
                    {e.late && <Badge ml={4} size="xs" color="red" variant="light" title="完成时限过后才申请">▲逾期申请</Badge>}
                  </Table.Td>
                  <Table.Td>{e.reason}</Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button size="compact-xs" color="teal" onClick={() => setDeciding({ ext: e, approve: true })}>同意</Button>
                      <Button size="compact-xs" variant="light" color="red" onClick={() => setDeciding({ ext: e, approve: false })}>不同意</Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
      <DecideModal ext={deciding?.ext ?? null} approve={deciding?.approve ?? true} onClose={() => setDeciding(null)} onDone={() => (load(), onDecided())} />
    </Card>
  );
}
