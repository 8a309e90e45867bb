import { Button, Group, Paper, SimpleGrid, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { notifyOk } from '../../app/notify';
import { useBusy } from '../../hooks/use-busy';

interface Props {
  title: string;
  submitLabel: string;
  /** Something differs from what is stored: only then can it be saved. */
  dirty: boolean;
  /** Stores the fields; answers the toast that says what was saved. */
  save(): Promise<string>;
  onSaved(): Promise<void>;
  /** The fields, laid out in two columns. */
  children: ReactNode;
}

/** One settings card: a title, its fields, and a save button that is enabled once something changed. */
export function SettingsForm({ title, submitLabel, dirty, save, onSaved, children }: Props) {
  const { busy, run } = useBusy();
  const submit = () =>
    run(async () => {
      notifyOk(await save());
      await onSaved();
    });
  return (
    <Paper withBorder p="md">
      <form onSubmit={(e) => (e.preventDefault(), void submit())}>
        <Stack gap="sm">
          <Title order={4}>{title}</Title>
          <SimpleGrid cols={2} spacing="sm">
            {children}
          </SimpleGrid>
          <Group justify="flex-end">
            <Button type="submit" loading={busy} disabled={!dirty}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
