import type { Download, Locator, Page } from 'playwright-core';
import { dialogSettled } from '../harness';

/** 调度填报 as an office clerk works it. */
export class DispatchPageModel {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '调度填报' }).click();
    await this.page.getByRole('heading', { name: '调度填报' }).waitFor();
  }

  async tab(label: '期次' | '下发模板' | '收回报送' | '催报' | '汇总与上报'): Promise<void> {
    await this.page.getByRole('tab', { name: label, exact: true }).click();
  }

  /** Opens a period through the form, keeping the pre-filled dates; returns the pre-filled name. */
  async openPeriod(beforeSubmit?: () => Promise<void>): Promise<string> {
    await this.tab('期次');
    await this.page.getByRole('button', { name: '开启新期次' }).click();
    const dialog = this.page.getByRole('dialog', { name: '开启新期次' });
    await this.settled(dialog);
    const name = await dialog.getByLabel('期次名称').inputValue();
    await beforeSubmit?.();
    await dialog.getByRole('button', { name: '开启', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    return name;
  }

  /** The 下发 selector as shown: each ticked unit with its “N 项”, and the total of the line above it. */
  async issueSelection(): Promise<{ units: Map<string, number>; total: number; line: string }> {
    await this.tab('下发模板');
    const line = this.page.getByTestId('issue-selection');
    await this.page.getByRole('button', { name: /^生成模板（[1-9]/ }).waitFor();
    const units = new Map<string, number>();
    for (const box of await this.page.getByRole('checkbox', { checked: true }).all()) {
      const m = /^(.+?)\s*(\d+) 项$/.exec((await box.getAttribute('aria-label')) ?? (await this.labelOf(box)));
      if (m) units.set(m[1], Number(m[2]));
    }
    const text = (await line.textContent()) ?? '';
    return { units, total: Number(/共 (\d+) 项/.exec(text)?.[1]), line: text };
  }

  private async labelOf(box: Locator): Promise<string> {
    const id = await box.getAttribute('id');
    return id ? ((await this.page.locator(`label[for="${id}"]`).textContent()) ?? '').trim() : '';
  }

  /** Clicks 生成模板: the browser downloads one .zip; answers it with the number of files the summary says. */
  async issueTemplates(): Promise<{ zip: Download; files: number }> {
    await this.tab('下发模板');
    const [zip] = await Promise.all([this.page.waitForEvent('download', { timeout: 60_000 }), this.page.getByRole('button', { name: /^生成模板/ }).click()]);
    const summary = this.page.getByTestId('issue-summary');
    await summary.waitFor({ timeout: 60_000 });
    const files = Number(/已生成 (\d+) 个文件/.exec((await summary.textContent()) ?? '')?.[1]);
    return { zip, files };
  }

  /** Waits until a dialog has finished its opening transition (for a screenshot that shows it, not a fade). */
  settled(dialog: Locator): Promise<void> {
    return dialogSettled(dialog);
  }

  /**
   * Closes the toasts (they sit over the page), for a screenshot of the page itself: presses the close
   * button of every toast on the page and waits until those toasts have left it, pressing again on any
   * that is still there (one whose close arrived while it was entering). The wait polls on a timer, not
   * on animation frames, and never counts toasts, so a toast arriving or leaving by itself meanwhile
   * cannot freeze it; a toast that arrives afterwards is closed in the next round.
   */
  async dismissToasts(): Promise<void> {
    const toasts = this.page.locator('.mantine-Notification-root');
    const deadline = Date.now() + 30_000;
    while ((await toasts.count()) > 0) {
      if (Date.now() > deadline) throw new Error(`toasts still shown after 30 s: ${(await toasts.allTextContents()).join(' | ')}`);
      const closing = await this.page.evaluateHandle(() => {
        const shown = [...document.querySelectorAll<HTMLElement>('.mantine-Notification-root')];
        for (const el of shown) el.querySelector<HTMLElement>('.mantine-Notification-closeButton')?.click();
        return shown;
      });
      await this.page
        .waitForFunction((els) => els.every((el) => !el.isConnected), closing, { polling: 50, timeout: 5_000 })
        .catch(() => undefined); // still there: the loop presses close again
      await closing.dispose();
    }
  }

  /** Names of the units in the 催报 list (empty when there is none). */
  async missingUnits(): Promise<string[]> {
    await this.tab('催报');
    await this.page.getByTestId('missing-counts').waitFor();
    const table = this.page.getByTestId('missing-table');
    if ((await table.count()) === 0) return [];
    return (await table.getByRole('rowheader').allTextContents()).map((s) => s.trim());
  }

  /** Picks the returned files through the page's file input and waits for the preview. */
  async dropReturns(files: { name: string; buffer: Buffer }[]): Promise<Locator> {
    await this.tab('收回报送');
    const mime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    await this.page.getByTestId('returns-input').setInputFiles(files.map((f) => ({ name: f.name, mimeType: mime, buffer: f.buffer })));
    const summary = this.page.getByTestId('returns-summary');
    await summary.waitFor({ timeout: 60_000 });
    return summary;
  }

  conflictRows(): Locator {
    return this.page.getByTestId('conflict-row');
  }

  /** Opens the preview entry of one returned file; answers its table of problems. */
  async openFile(name: string): Promise<Locator> {
    const control = this.page.getByRole('button', { name: `报送文件 ${name}` });
    if ((await control.getAttribute('aria-expanded')) !== 'true') await control.click();
    const problems = this.page.getByRole('table', { name: `${name} 的问题` });
    await problems.waitFor();
    return problems;
  }
}
