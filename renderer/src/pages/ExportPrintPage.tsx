import { Stack, Tabs, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { PlanDocPanel } from '../components/plandoc/PlanDocPanel';
import { PrintListForm } from '../components/print/PrintListForm';
import { BulletinPage } from './BulletinPage';

/** A section of 导出与打印; other features add theirs to this list (e.g. Excel exports). */
export interface ExportSection {
  readonly value: string;
  readonly label: string;
  readonly render: () => ReactNode;
}

export const EXPORT_SECTIONS: ExportSection[] = [
  { value: 'print-list', label: '打印清单', render: () => <PrintListForm /> },
  { value: 'bulletin', label: '调度通报', render: () => <BulletinPage /> },
  { value: 'plan-doc', label: '落实方案', render: () => <PlanDocPanel /> },
];

/** 导出与打印: one tab per section. */
export function ExportPrintPage({ sections = EXPORT_SECTIONS }: { sections?: readonly ExportSection[] }) {
  const [tab, setTab] = useState(() => {
    const t = /[?&]tab=([\w-]+)/.exec(location.hash)?.[1];
    return sections.some((s) => s.value === t) ? t! : sections[0]?.value;
  });
  // Keep the tab in the address, so 返回 from a print preview comes back to it.
  const choose = (v: string | null) => v && (setTab(v), history.replaceState(null, '', `#/export?tab=${v}`));
  return (
    <Stack p="md" gap="sm" style={{ overflow: 'auto' }}>
      <Title order={3}>导出与打印</Title>
      <Tabs value={tab} onChange={choose} keepMounted={false}>
        <Tabs.List>
          {sections.map((s) => (
            <Tabs.Tab key={s.value} value={s.value}>
              {s.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {sections.map((s) => (
          <Tabs.Panel key={s.value} value={s.value} pt="md">
            {s.render()}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
