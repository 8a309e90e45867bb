import type { Locator, Page } from 'playwright-core';

/** The 导入 page as a user works it: drop files, read the preview, apply. */
export class ImportPageModel {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '导入' }).click();
    await this.page.getByRole('heading', { name: '导入', exact: true }).waitFor();
  }

  /** Drops files on the drop zone as the desktop does: a real drop event carrying File objects. */
  async drop(files: readonly { name: string; bytes: Uint8Array; mime: string }[]): Promise<void> {
    const payload = files.map((f) => ({ name: f.name, mime: f.mime, base64: Buffer.from(f.bytes).toString('base64') }));
    await this.page.getByTestId('import-drop').evaluate((zone, list) => {
      const transfer = new DataTransfer();
      for (const f of list) {
        const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
        transfer.items.add(new File([bytes], f.name, { type: f.mime }));
      }
      zone.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: transfer }));
      zone.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }));
    }, payload);
  }

  /** The 合计 line once a preview is shown. */
  counts(): Locator {
    return this.page.getByTestId('import-counts');
  }

  sheets(): Locator {
    return this.page.getByTestId('sheet-preview');
  }

  async remove(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `移除 ${name}` }).click();
  }

  /** Applies and waits for the toast that says how many were imported. */
  async apply(expect: RegExp | string): Promise<void> {
    await this.page.getByRole('button', { name: '应用导入' }).click();
    await this.page.getByText(expect).first().waitFor({ timeout: 120_000 });
  }
}
