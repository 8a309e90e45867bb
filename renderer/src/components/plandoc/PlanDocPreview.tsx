import { Paper, ScrollArea, Table, Text, Title } from '@mantine/core';
import type { PlanDocOutline } from '../../../../shared/contract/schemas/docout';

const BODY = { fontFamily: '"仿宋_GB2312", "FangSong", "STFangsong", serif', fontSize: 15, lineHeight: 1.8, textIndent: '2em', margin: 0 } as const;
const H1 = { ...BODY, fontFamily: '"黑体", "SimHei", sans-serif' } as const;
const H2 = { ...BODY, fontFamily: '"楷体_GB2312", "KaiTi", "STKaiti", serif' } as const;

/** The first rows of the 附件 table, to show its columns. */
function AttachmentSample({ outline }: { outline: PlanDocOutline }) {
  const rows = outline.parts.flatMap((p) => p.sections.flatMap((s) => s.tasks)).slice(0, 3);
  return (
    <>
      <Text fw={700} mt="md">附件</Text>
      <Text ta="center" fw={700}>{outline.attachmentTitle}</Text>
      <Text size="xs" c="dimmed" ta="center">横向页面，{outline.taskCount} 项，每页重复表头；前 3 行：</Text>
      <Table withTableBorder withColumnBorders fz="xs" mt={4}>
        <Table.Thead>
          <Table.Tr>
            {['编号', '任务', '牵头单位', '责任单位/配合单位', '完成时限'].map((h) => (
              <Table.Th key={h}>{h}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((t) => (
            <Table.Tr key={t.itemId}>
              <Table.Td>{t.no}</Table.Td>
              <Table.Td>{t.title}</Table.Td>
              <Table.Td>{t.lead.join('、')}</Table.Td>
              <Table.Td>{t.others.join('、')}</Table.Td>
              <Table.Td>{t.deadline}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}

/** What the document will say, laid out like the page (fonts where the system has them). */
export function PlanDocPreview({ outline }: { outline: PlanDocOutline | null }) {
  return (
    <Paper withBorder shadow="xs" p="lg" style={{ flex: '1 1 560px', minWidth: 420 }} aria-label="落实方案预览" data-testid="plandoc-preview">
      <Text size="xs" c="dimmed" mb="xs">
        预览{outline ? `：共 ${outline.parts.length} 个部分、${outline.taskCount} 项任务` : ''}
      </Text>
      <ScrollArea.Autosize mah={640} type="auto">
        {outline && (
          <div>
            <Title order={3} ta="center" style={{ whiteSpace: 'pre-line', fontWeight: 600 }} mb="sm">{outline.titleLines.join('\n')}</Title>
            {outline.preface.split('\n').filter((l) => l.trim()).map((l, i) => (
              <p key={i} style={BODY}>{l}</p>
            ))}
            {outline.parts.map((part) => (
              <div key={part.planId}>
                <p style={H1}>{part.heading}</p>
                {part.sections.map((s, i) => (
                  <div key={i}>
                    {s.heading && <p style={H2}>{s.heading}</p>}
                    {s.tasks.map((t) => (
                      <p key={t.itemId} style={BODY}>{t.text}</p>
                    ))}
                  </div>
                ))}
              </div>
            ))}
            {outline.taskCount > 0 && <p style={BODY}>附件：{outline.attachmentTitle}</p>}
            {outline.taskCount > 0 && <AttachmentSample outline={outline} />}
          </div>
        )}
      </ScrollArea.Autosize>
    </Paper>
  );
}
