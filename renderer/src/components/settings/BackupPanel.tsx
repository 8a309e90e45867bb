import { Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useCallback, useEffect, useState } from 'react';
import type { BackupEntry } from '../../../../shared/contract/schemas/backup';
import { call } from '../../api/client';
import { notifyError, notifyOk } from '../../app/notify';
import { localTime } from '../items/labels';

const KIND_LABELS: Record<BackupEntry['kind'], string> = { auto: '自动', manual: '手动', 'before-restore': '恢复前' };

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** 数据备份: the list, a backup now (to the backup folder or a chosen path), and restore after a confirmation. */
export function BackupPanel({ onRestored }: { onRestored(): Promise<void> }) {
  const [list, setList] = useState<BackupEntry[]>([]);
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState<'now' | 'path' | null>(null);
  const reload = useCallback(() => call('backup:list', {}).then(setList).catch(notifyError), []);
  useEffect(() => void reload(), [reload]);

  async function backup(kind: 'now' | 'path') {
    setBusy(kind);
    try {
      const b = await call('backup:create', kind === 'path' ? { path } : {});
      notifyOk(`已备份到 ${b.path}（${size(b.size)}）`);
      await reload();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(null);
    }
  }

  async function choose() {
    const folder = await window.desktop?.chooseFolder();
    if (folder) setPath(`${folder.replace(/[\\/]$/, '')}/清单通备份.sqlite`);
  }

  function askRestore(b: BackupEntry) {
    modals.openConfirmModal({
      title: '从备份恢复',
      children: (
        <Text size="sm">
          将用「{b.fileName}」（{localTime(b.createdAt)}）替换当前数据库。恢复前会先把当前数据库备份一份（类型“恢复前”），需要时可再恢复回来。
        </Text>
      ),
      labels: { confirm: '恢复', cancel: '取消' },
      confirmProps: { color: 'orange' },
      onConfirm: async () => {
        try {
          const r = await call('backup:restore', { path: b.path });
          notifyOk(`已从 ${b.fileName} 恢复；恢复前的数据已备份为 ${r.safetyBackup.fileName}`);
          await reload();
          await onRestored();
        } catch (e) {
          notifyError(e);
        }
      },
    });
  }

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>数据备份</Title>
          <Button size="xs" loading={busy === 'now'} onClick={() => backup('now')}>
            立即备份
          </Button>
        </Group>
        <Group gap="xs" align="flex-end">
          <TextInput style={{ flex: 1 }} size="xs" label="备份到指定位置" placeholder="完整文件路径，如 D:\备份\清单通-2025-06-30.sqlite" value={path} onChange={(e) => setPath(e.currentTarget.value)} />
          {window.desktop && (
            <Button size="xs" variant="default" onClick={choose}>
              选择文件夹…
            </Button>
          )}
          <Button size="xs" variant="light" disabled={!path.trim()} loading={busy === 'path'} onClick={() => backup('path')}>
            备份到此位置
          </Button>
        </Group>
        <Table striped withTableBorder fz="sm" verticalSpacing={4} aria-label="备份列表">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>文件</Table.Th>
              <Table.Th w={70}>类型</Table.Th>
              <Table.Th w={140}>时间</Table.Th>
              <Table.Th w={80} ta="right">大小</Table.Th>
              <Table.Th w={80}>操作</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((b) => (
              <Table.Tr key={b.path}>
                <Table.Td style={{ wordBreak: 'break-all' }}>{b.fileName}</Table.Td>
                <Table.Td>{KIND_LABELS[b.kind]}</Table.Td>
                <Table.Td>{localTime(b.createdAt)}</Table.Td>
                <Table.Td ta="right">{size(b.size)}</Table.Td>
                <Table.Td>
                  <Button size="compact-xs" variant="subtle" color="orange" aria-label={`恢复 ${b.fileName}`} onClick={() => askRestore(b)}>
                    恢复
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {list.length === 0 && (
          <Text size="sm" c="dimmed">
            备份文件夹中还没有备份。
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
