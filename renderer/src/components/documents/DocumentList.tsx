import { Badge, Group, ScrollArea, SegmentedControl, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import type { DocumentRow } from '../../../../shared/contract/schemas/documents';
import { call } from '../../api/client';
import { notifyError } from '../../app/notify';

interface Props {
  selectedId: number | undefined;
  /** Bumped by the page after a save or delete, to reload. */
  version: number;
  onSelect(id: number): void;
}

function Row({ r, active, onClick }: { r: DocumentRow; active: boolean; onClick(): void }) {
  return (
    <UnstyledButton
      onClick={onClick}
      data-testid="document-row"
      p="xs"
      style={{ borderBottom: '1px solid var(--mantine-color-gray-2)', background: active ? 'var(--mantine-color-indigo-0)' : undefined }}
    >
      <Text size="sm" fw={600} lineClamp={2}>
        {r.subject}
      </Text>
      <Text size="xs" c="dimmed">
        {[r.issuer, r.docNo, r.receivedAt.slice(0, 16)].filter(Boolean).join('　')}
      </Text>
      <Group gap={4} mt={2}>
        {r.flags.map((f) => (
          <Badge key={f} size="xs" color="orange" variant="outline">
            {f}
          </Badge>
        ))}
        {r.openInstructionCount > 0 && (
          <Badge size="xs" color="red" variant="light">
            批示未办结 {r.openInstructionCount}
          </Badge>
        )}
        {r.taskCount > 0 && (
          <Badge size="xs" color="indigo" variant="light">
            任务 {r.taskCount}
          </Badge>
        )}
        {r.fileCount > 0 && (
          <Badge size="xs" color="gray" variant="light">
            附件 {r.fileCount}
          </Badge>
        )}
      </Group>
    </UnstyledButton>
  );
}

/** The document list: keyword search (any length) and the 批示未办结 section. */
export function DocumentList({ selectedId, version, onSelect }: Props) {
  const [keyword, setKeyword] = useState('');
  const [kw] = useDebouncedValue(keyword.trim(), 200);
  const [section, setSection] = useState<'all' | 'open'>('all');
  const [rows, setRows] = useState<DocumentRow[]>([]);
  const [total, setTotal] = useState(0);
  const [openCount, setOpenCount] = useState(0);

  useEffect(() => {
    let live = true;
    Promise.all([call('documents:list', { keyword: kw || undefined, openOnly: section === 'open', limit: 1000 }), call('documents:list', { openOnly: true, limit: 1 })]).then(
      ([page, open]) => live && (setRows(page.rows), setTotal(page.total), setOpenCount(open.total)),
      notifyError,
    );
    return () => {
      live = false;
    };
  }, [kw, section, version]);

  return (
    <Stack gap="xs" h="100%" w={360} style={{ flexShrink: 0 }}>
      <TextInput aria-label="搜索来文" placeholder="搜索主题、文号、来文机关、批示内容" value={keyword} onChange={(e) => setKeyword(e.currentTarget.value)} />
      <SegmentedControl
        value={section}
        onChange={(v) => setSection(v as 'all' | 'open')}
        data={[
          { value: 'all', label: '全部来文' },
          { value: 'open', label: `批示未办结（${openCount}）` },
        ]}
      />
      <Text size="xs" c="dimmed">
        共 {total} 份
      </Text>
      <ScrollArea style={{ flex: 1 }}>
        <Stack gap={0} role="list" aria-label="来文列表">
          {rows.map((r) => (
            <Row key={r.id} r={r} active={r.id === selectedId} onClick={() => onSelect(r.id)} />
          ))}
          {rows.length === 0 && (
            <Text size="sm" c="dimmed" p="sm">
              {kw ? `没有包含「${kw}」的来文` : section === 'open' ? '没有未办结的领导批示' : '尚无来文。点“登记来文”录入文件处理单。'}
            </Text>
          )}
        </Stack>
      </ScrollArea>
    </Stack>
  );
}
