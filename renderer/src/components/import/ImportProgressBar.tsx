import { Group, Loader, Progress, Stack, Text } from '@mantine/core';
import type { ImportProgress } from '../../../../shared/contract/schemas/imports';

const STEP: Record<ImportProgress['stage'], number> = { queued: 0, reading: 0, comparing: 80, writing: 90, done: 100, failed: 100, unknown: 0 };

/** Where a running preview or apply is: stepped by files read, then comparing and writing. */
export function ImportProgressBar({ progress }: { progress: ImportProgress }) {
  const reading = progress.stage === 'reading' && progress.files > 0 ? (progress.filesDone / progress.files) * 75 + 5 : 5;
  const value = progress.stage === 'reading' || progress.stage === 'queued' ? reading : STEP[progress.stage];
  return (
    <Stack gap={4} role="status" aria-label="导入进度" data-testid="import-progress">
      <Group gap="xs">
        {progress.stage !== 'done' && progress.stage !== 'failed' && <Loader size="xs" />}
        <Text size="sm">{progress.message}</Text>
        {progress.rows > 0 && <Text size="xs" c="dimmed">已识别 {progress.rows} 条</Text>}
      </Group>
      <Progress value={value} animated striped size="sm" />
    </Stack>
  );
}
