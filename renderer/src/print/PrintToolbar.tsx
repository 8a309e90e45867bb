import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { notifyError, notifyOk } from '../app/notify';
import { saveBytes } from '../platform/files';

/** Prints the window: the system dialog in Electron, the browser's otherwise. */
async function printNow(): Promise<void> {
  await document.fonts.ready;
  if (window.desktop) await window.desktop.print();
  else window.print();
}

/**
 * The bar above a print preview (hidden on paper): back, print, save as PDF.
 * In the browser, "save as PDF" is the print dialog's 另存为 PDF destination.
 */
export function PrintToolbar({ title, fileName, landscape, ready }: { title: string; fileName: string; landscape: boolean; ready: boolean }) {
  const [busy, setBusy] = useState(false);

  async function savePdf() {
    if (!window.desktop) {
      notifyOk('请在打印对话框的“目标打印机”中选择“另存为 PDF”');
      window.print();
      return;
    }
    setBusy(true);
    try {
      await document.fonts.ready;
      const bytes = await window.desktop.printToPdf(landscape);
      if (bytes && (await saveBytes(`${fileName}.pdf`, bytes))) notifyOk(`已保存 ${fileName}.pdf`);
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Group className="qd-print-toolbar" justify="space-between">
      <Group gap="sm">
        <Button variant="default" onClick={() => (history.length > 1 ? history.back() : (location.hash = '#/export'))}>
          返回
        </Button>
        <Text fw={600}>打印预览：{title}</Text>
        <Text size="sm" c="dimmed">A4 {landscape ? '横向' : '纵向'}</Text>
      </Group>
      <Group gap="sm">
        <Button disabled={!ready} onClick={() => void printNow()}>
          打印
        </Button>
        <Button variant="light" disabled={!ready} loading={busy} onClick={() => void savePdf()}>
          另存为PDF
        </Button>
      </Group>
    </Group>
  );
}
