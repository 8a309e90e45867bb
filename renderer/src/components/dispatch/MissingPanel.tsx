import { Alert, Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { MissingReport, Period } from '../../../../shared/contract/schemas/periods';
import { call } from '../../api/client';
import { notifyError, notifyOk } from '../../app/notify';
import { useBusy } from '../../hooks/use-busy';
import { saveBytes } from '../../platform/files';
import { missingPrintHash } from '../../print/MissingPrint';
import { lateText, missingStateText } from './missing-labels';

/** 催报: units that owe this period's report, how late, whom to call; export or print the list. */
export function MissingPanel({ period, stamp }: { period: Period; stamp: number }) {
  const [report, setReport] = useState<MissingReport | null>(null);
  const { busy, run } = useBusy();
  useEffect(() => {
    let live = true;
    call('periods:missing', { periodId: period.id }).then((r) => live && setReport(r), notifyError);
    return () => {
      live = false;
    };
  }, [period.id, stamp]);

  async function exportList() {
    await run(async () => {
      const f = await call('periods:missing-export', { periodId: period.id });
      if (await saveBytes(f.fileName, f.bytes)) notifyOk(`已导出催报单「${f.fileName}」，${report?.units.length ?? 0} 个单位`);
    });
  }

  async function exportDocx() {
    await run(async () => {
      const f = await call('periods:missing-docx', { periodId: period.id });
      if (await saveBytes(f.fileName, f.bytes)) notifyOk(`已导出催报单「${f.fileName}」，${report?.units.length ?? 0} 个单位`);
    });
  }

  if (!report) return <Text size="sm" c="dimmed">正在读取…</Text>;
  const c = report.counts;
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" data-testid="missing-counts">
          报送截止 {report.period.dueDate}
          {report.daysPastDue > 0 ? `，已逾期 ${report.daysPastDue} 天` : '，尚未到截止日'}。已下发 {c.issued} 个单位：已报 {c.returned}，未报 {c.notReturned}，部分报送 {c.partial}
          {c.notIssued > 0 && `；另有 ${c.notIssued} 个承担条目的单位未下发模板`}
        </Text>
        <Group gap="xs">
          <Button size="xs" variant="light" loading={busy} disabled={report.units.length === 0} onClick={() => void exportList()}>
            导出催报单
          </Button>
          <Button size="xs" variant="light" loading={busy} disabled={report.units.length === 0} onClick={() => void exportDocx()}>
            导出 Word
          </Button>
          <Button size="xs" variant="default" component="a" href={missingPrintHash(period.id)}>
            打印催报单
          </Button>
        </Group>
      </Group>
      {report.units.length === 0 ? (
        <Alert color="teal" title="没有需要催报的单位">{c.issued ? '已下发模板的单位都已报送。' : '本期还没有下发模板。'}</Alert>
      ) : (
        <Table striped highlightOnHover withTableBorder withColumnBorders fz="sm" verticalSpacing={4} aria-label="催报名单" data-testid="missing-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={50} ta="right">序号</Table.Th>
              <Table.Th>单位</Table.Th>
              <Table.Th w={190}>报送情况</Table.Th>
              <Table.Th w={110}>逾期</Table.Th>
              <Table.Th w={100}>联系人</Table.Th>
              <Table.Th w={140}>电话</Table.Th>
              <Table.Th w={110} ta="right">牵头/负责条目</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.units.map((u, i) => (
              <Table.Tr key={u.unitId}>
                <Table.Td ta="right">{i + 1}</Table.Td>
                <Table.Th scope="row" fw={500}>{u.unitName}</Table.Th>
                <Table.Td>{missingStateText(u)}</Table.Td>
                <Table.Td c={u.daysLate > 0 ? 'red.8' : undefined} fw={u.daysLate > 0 ? 600 : undefined}>{lateText(u)}</Table.Td>
                <Table.Td>{u.contact || '—'}</Table.Td>
                <Table.Td>{u.phone || '—'}</Table.Td>
                <Table.Td ta="right">{u.itemCount}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Text size="xs" c="dimmed">
        联系人和电话来自<Anchor href="#/units" size="xs">单位目录</Anchor>，可在那里补全。
      </Text>
    </Stack>
  );
}
