import { Button, Group, Text } from '@mantine/core';
import { notifyOk } from '../app/notify';
import { useBusy } from '../hooks/use-busy';
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
  const { busy, run } = useBusy();

  async function savePdf() {
    const desktop = window.desktop;
    if (!desktop) {
      notifyOk('请在打印对话框的“目标打印机”中选择“另存为 PDF”');
      window.print();
      return;
    }
    await run(async () => {
      await document.fonts.ready;
      const bytes = await desktop.printToPdf(landscape);
      if (bytes && (await saveBytes(`${fileName}.pdf`, bytes))) notifyOk(`已保存 ${fileName}.pdf`);
    });
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
