import { Alert, Button, Group, Text } from '@mantine/core';
import type { DuplicateChoice, ImportPreviewResult } from '../../../../shared/contract/schemas/imports';

/** The keys of every listed 疑似重复 row of a preview. */
export function duplicateKeys(preview: ImportPreviewResult): string[] {
  return preview.files.flatMap((f) => f.sheets.flatMap((s) => s.items.filter((i) => i.status === 'duplicate').map((i) => i.key)));
}

/**
 * 疑似重复: rows that look like an existing item (same plan, a close title or much the same content)
 * but are not certainly it. Says how many wait for a choice and settles them all at once.
 */
export function DuplicatesPanel({ keys, choices, onChooseAll }: { keys: readonly string[]; choices: Readonly<Record<string, DuplicateChoice>>; onChooseAll(choice: DuplicateChoice): void }) {
  if (keys.length === 0) return null;
  const open = keys.filter((k) => !choices[k]).length;
  const merged = keys.filter((k) => choices[k] === 'merge').length;
  return (
    <Alert color="grape" title={`疑似重复 ${keys.length} 条`} data-testid="duplicates-panel">
      <Text size="sm">
        这些条目与已有条目属于同一方案、标题或内容相近，但不能确定是同一项任务。请逐条选择“合并到已有条目”（更新已有条目，不新增）或“作为新增”，也可一次全部选择。
      </Text>
      <Group gap="xs" mt={6}>
        <Text size="sm" data-testid="duplicates-state">
          {open > 0 ? `还有 ${open} 条未选择` : `已选择：合并 ${merged} 条，作为新增 ${keys.length - merged} 条`}
        </Text>
        <Button size="compact-sm" variant="light" color="grape" onClick={() => onChooseAll('merge')}>全部合并到已有条目</Button>
        <Button size="compact-sm" variant="default" onClick={() => onChooseAll('new')}>全部作为新增</Button>
      </Group>
    </Alert>
  );
}
