import type { Locator, Page } from 'playwright-core';

/** 单位: the directory page. */
export class UnitsPageModel {
  readonly table: Locator;
  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: '单位目录' });
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '单位' }).click();
    await this.page.getByRole('heading', { name: '单位', exact: true }).waitFor();
    await this.table.getByRole('row').nth(1).waitFor();
  }

  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
  }

  private async pick(dialog: Locator, label: string, option: string): Promise<void> {
    const input = dialog.getByRole('combobox', { name: label, exact: true });
    await input.click();
    await input.fill(option);
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  /** Merges `source` into `target` through the 合并单位 dialog; returns the message shown. */
  async merge(source: string, target: string, beforeConfirm?: () => Promise<void>): Promise<string> {
    await this.page.getByRole('button', { name: '合并单位' }).click();
    const dialog = this.page.getByRole('dialog', { name: '合并单位' });
    await this.pick(dialog, '被合并的单位', source);
    await this.pick(dialog, '并入到', target);
    await dialog.getByText('请确认').waitFor();
    await beforeConfirm?.();
    await dialog.getByRole('button', { name: '确认合并' }).click();
    const done = this.page.getByRole('alert').filter({ hasText: '已合并' }).first();
    await done.waitFor();
    return (await done.textContent()) ?? '';
  }

  /** Adds an alias through the 编辑 dialog. */
  async addAlias(name: string, alias: string): Promise<void> {
    await this.page.getByRole('button', { name: `编辑 ${name}` }).click();
    const dialog = this.page.getByRole('dialog', { name: '编辑单位' });
    const aliases = dialog.getByLabel('别名', { exact: true });
    await aliases.fill(alias);
    await aliases.press('Enter');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }
}
