import { Button, Group, Modal, Stack, type MantineSpacing } from '@mantine/core';
import type { ReactNode } from 'react';

interface Props {
  title: string;
  opened: boolean;
  onClose(): void;
  onSubmit(): void;
  submitLabel: string;
  busy: boolean;
  gap?: MantineSpacing;
  children: ReactNode;
}

/** A dialog holding a form: its fields, then 取消 and the submit button (Enter submits). */
export function FormModal({ title, opened, onClose, onSubmit, submitLabel, busy, gap, children }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg">
      <form onSubmit={(e) => (e.preventDefault(), onSubmit())}>
        <Stack gap={gap}>
          {children}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              取消
            </Button>
            <Button type="submit" loading={busy}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
