import { Button, Paper, Stack, Text } from '@mantine/core';
import { useRef, useState, type DragEvent } from 'react';

interface Props {
  busy: boolean;
  onFiles(files: File[]): void;
  /** What to drop here, in one bold line. */
  title: string;
  hint: string;
  buttonLabel: string;
  /** Label of the hidden file input. */
  inputLabel: string;
  accept: string;
  /** The zone is `<testId>-drop`, its file input `<testId>-input`. */
  testId: string;
  /** Fills its grid cell, content centred vertically. */
  fill?: boolean;
}

/** A dashed zone to drop many files on at once, or pick them; hands the File objects on. */
export function FileDropZone({ busy, onFiles, title, hint, buttonLabel, inputLabel, accept, testId, fill = false }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (e.dataTransfer.files.length) onFiles([...e.dataTransfer.files]);
  };
  const background = over ? 'var(--mantine-color-indigo-0)' : undefined;
  return (
    <Paper
      withBorder
      p="md"
      data-testid={`${testId}-drop`}
      onDragOver={(e) => (e.preventDefault(), setOver(true))}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      style={{ borderStyle: 'dashed', borderWidth: 2, background, height: fill ? '100%' : undefined }}
    >
      <Stack gap={6} align="center" justify={fill ? 'center' : undefined} h={fill ? '100%' : undefined}>
        <Text fw={600}>{title}</Text>
        <Text size="sm" c="dimmed" ta="center">
          {hint}
        </Text>
        <Button variant="light" loading={busy} onClick={() => input.current?.click()}>
          {buttonLabel}
        </Button>
        <input
          ref={input}
          type="file"
          multiple
          accept={accept}
          aria-label={inputLabel}
          data-testid={`${testId}-input`}
          style={{ display: 'none' }}
          onChange={(e) => {
            const list = e.currentTarget.files;
            if (list?.length) onFiles([...list]);
            e.currentTarget.value = '';
          }}
        />
      </Stack>
    </Paper>
  );
}
