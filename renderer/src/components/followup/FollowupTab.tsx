import { Alert, Divider, Loader, Stack } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import type { ItemFollowup } from '../../../../shared/contract/schemas/followup';
import type { Item } from '../../../../shared/contract/schemas/items';
import { call } from '../../api/client';
import { errorText } from '../../app/notify';
import { ClosureSection } from './ClosureSection';
import { ExtensionSection } from './ExtensionSection';
import { UrgeHistory } from './UrgeHistory';

/** The drawer's 督办 tab: 延期, 办结销号 and 催办 of one item. */
export function FollowupTab({ item, onChanged }: { item: Item; onChanged(): void }) {
  const [data, setData] = useState<ItemFollowup | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    call('followup:item', { itemId: item.id }).then(
      (d) => (setData(d), setError(null)),
      (e: unknown) => setError(errorText(e)),
    );
  }, [item.id]);
  useEffect(load, [load, item.updatedAt]);
  const changed = () => (load(), onChanged());

  if (error) return <Alert color="red">{error}</Alert>;
  if (!data) return <Loader size="sm" />;
  return (
    <Stack gap="sm">
      <ExtensionSection item={item} data={data} onChanged={changed} />
      <Divider />
      <ClosureSection item={item} data={data} onChanged={changed} />
      <Divider />
      <UrgeHistory urges={data.urges} />
    </Stack>
  );
}
