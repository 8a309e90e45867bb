import { Paper, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { UpperChain } from '../../../../shared/contract/schemas/counterparts';
import type { Item } from '../../../../shared/contract/schemas/items';
import { call } from '../../api/client';
import { codeTitle } from '../../../../shared/contract/item-code';

const unitsLine = (label: string, names: string) => (names ? `${label}：${names}` : '');

/**
 * The item's upper chain, top first (省 → 市州 → 本级): each upper item's code, title, units
 * ("上级牵头：省发展改革委") and targets, and the upper targets beside this office's own.
 */
export function UpperChainSection({ item }: { item: Item }) {
  const [chain, setChain] = useState<UpperChain | null>(null);
  useEffect(() => {
    let live = true;
    void call('items:upper-chain', { id: item.id }).then((c) => live && setChain(c), () => live && setChain(null));
    return () => void (live = false);
  }, [item.id, item.updatedAt]);
  if (!chain || chain.steps.length < 2) return null;
  const uppers = chain.steps.slice(0, -1);
  const own = chain.steps[chain.steps.length - 1].targets;
  return (
    <Paper withBorder p="xs" mb="xs" data-testid="upper-chain" aria-label="上级条目">
      <Stack gap={4}>
        <Text size="xs" c="dimmed">{[...uppers.map((s) => s.office || '上级'), '本级'].join(' → ')}</Text>
        {uppers.map((s) => (
          <Text key={s.itemId} size="sm">
            <b>{s.office || '上级'}</b> {codeTitle(s.code, s.title)}
            <Text span size="xs" c="dimmed">
              {'　'}{[unitsLine('上级牵头', s.lead), unitsLine('上级负责', s.resp), unitsLine('上级配合', s.coop)].filter(Boolean).join('；')}
              {s.deadlineText ? `；时限：${s.deadlineText}` : ''}
            </Text>
          </Text>
        ))}
        {chain.upperTargets.length > 0 && (
          <Text size="sm" data-testid="local-targets">
            上级：{chain.upperTargets.map((t) => t.display).join('；')}；本级：{own.length ? own.map((t) => t.display).join('；') : '____（在下方“量化目标”中填写本级目标）'}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
