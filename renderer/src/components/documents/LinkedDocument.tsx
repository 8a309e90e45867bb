import { Anchor, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { InstructionSource } from '../../../../shared/contract/schemas/documents';
import { call } from '../../api/client';

/**
 * Where a task came from, for an item's detail view: the leader instruction and its document,
 * with a link to the document. Renders nothing for items not made from an instruction.
 */
export function LinkedDocument({ instructionId }: { instructionId: number | null }) {
  const [src, setSrc] = useState<InstructionSource | null>(null);
  useEffect(() => {
    setSrc(null);
    if (instructionId !== null) void call('instructions:source', { instructionId }).then(setSrc, () => setSrc(null));
  }, [instructionId]);
  if (!src) return null;
  const n = src.instruction;
  return (
    <Stack gap={2} data-testid="linked-document">
      <Text size="sm" fw={600}>
        来源：领导批示{n.person ? `（${n.person}${n.givenOn ? ` ${n.givenOn}` : ''}）` : ''}
      </Text>
      {n.content && <Text size="sm">{n.content}</Text>}
      <Text size="sm">
        来文：
        <Anchor href={`#/documents?id=${src.documentId}`} size="sm">
          {src.subject}
        </Anchor>
        {src.docNo ? `　${src.docNo}` : ''}
        {src.issuer ? `　${src.issuer}` : ''}
      </Text>
    </Stack>
  );
}
