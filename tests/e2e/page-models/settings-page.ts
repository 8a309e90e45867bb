import type { Locator, Page } from 'playwright-core';

/** 设置: 本办, operator, backups. */
export class SettingsPageModel {
  readonly backups: Locator;
  constructor(readonly page: Page) {
    this.backups = page.getByRole('table', { name: '备份列表' });
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '设置' }).click();
    await this.page.getByRole('heading', { name: '设置' }).waitFor();
  }

  async setOfficeName(name: string): Promise<void> {
    await this.page.getByLabel('本办名称').fill(name);
    await this.page.getByRole('button', { name: '保存本办信息' }).click();
  }

  async setOperator(name: string): Promise<void> {
    await this.page.getByLabel('操作人姓名').fill(name);
    await this.page.getByRole('button', { name: '保存', exact: true }).click();
  }

  async backupNow(): Promise<void> {
    await this.page.getByRole('button', { name: '立即备份' }).click();
  }

  async backupTo(path: string): Promise<void> {
    await this.page.getByLabel('备份到指定位置').fill(path);
    await this.page.getByRole('button', { name: '备份到此位置' }).click();
  }

  /** Backup file names and their kind words as listed. */
  async listed(): Promise<{ file: string; kind: string }[]> {
    const rows = this.backups.getByRole('row');
    const out: { file: string; kind: string }[] = [];
    for (let n = 1; n < (await rows.count()); n++) {
      const cells = rows.nth(n).getByRole('cell');
      out.push({ file: (await cells.nth(0).textContent()) ?? '', kind: (await cells.nth(1).textContent()) ?? '' });
    }
    return out;
  }

  async restore(fileName: string): Promise<void> {
    await this.page.getByRole('button', { name: `恢复 ${fileName}` }).click();
    await this.page.getByRole('dialog', { name: '从备份恢复' }).getByRole('button', { name: '恢复' }).click();
  }
}
