import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useRef, useState, type DragEvent } from 'react';

/** Drop 30 returned files at once, or pick them; hands the File objects on. */
export function ReturnsDropZone({ busy, onFiles }: { busy: boolean; onFiles(files: File[]): void }) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (e.dataTransfer.files.length) onFiles([...e.dataTransfer.files]);
  };
  return (
    <Paper
      withBorder
      p="md"
      data-testid="returns-drop"
      onDragOver={(e) => (e.preventDefault(), setOver(true))}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      style={{ borderStyle: 'dashed', borderWidth: 2, background: over ? 'var(--mantine-color-indigo-0)' : undefined }}
    >
      <Stack gap={6} align="center">
        <Text fw={600}>把各单位报送回来的填报模板拖到这里（可一次拖入 30 个文件）</Text>
        <Text size="sm" c="dimmed">.xlsx / .xls；先预览每个文件的匹配、变化、冲突和问题，确认后再应用，应用后可撤销。</Text>
        <Group>
          <Button variant="light" loading={busy} onClick={() => input.current?.click()}>
            选择报送文件…
          </Button>
        </Group>
        <input
          ref={input}
          type="file"
          multiple
          accept=".xlsx,.xls,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel"
          aria-label="选择报送文件"
          data-testid="returns-input"
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
