import type { Locator, Page } from 'playwright-core';
import { ItemDrawerModel } from './item-drawer';

/** 任务清单 / 项目清单 / 政策清单 / 指标 as a user works them. */
export class ItemsPageModel {
  readonly grid: Locator;
  readonly drawer: ItemDrawerModel;
  constructor(
    readonly page: Page,
    readonly label = '任务清单',
  ) {
    this.grid = page.getByRole('grid', { name: label });
    this.drawer = new ItemDrawerModel(page);
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: this.label }).click();
    await this.page.getByRole('heading', { name: this.label }).waitFor();
  }

  /** The 共 N 条 count, or null while reading. */
  async total(): Promise<number | null> {
    const text = (await this.page.getByTestId('item-total').textContent()) ?? '';
    const m = /共 (\d+) 条/.exec(text);
    return m ? Number(m[1]) : null;
  }

  private async pick(label: string, option: string): Promise<void> {
    const input = this.page.getByRole('combobox', { name: label, exact: true });
    await input.click();
    await input.fill(option);
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  async filterUnit(name: string, role?: '牵头' | '负责' | '配合'): Promise<void> {
    await this.pick('单位', name);
    if (role) await this.page.getByRole('radiogroup', { name: '角色' }).getByText(role, { exact: true }).click();
  }

  async filterKeyword(text: string): Promise<void> {
    await this.page.getByLabel('关键词', { exact: true }).fill(text);
  }

  async clearFilters(): Promise<void> {
    await this.page.getByRole('button', { name: '清除筛选' }).first().click();
  }

  /** Data rows currently rendered (loaded ones only). */
  bodyRows(): Locator {
    return this.grid.getByRole('row').filter({ has: this.page.getByRole('gridcell') });
  }

  /** The text of one column in every rendered row. */
  async column(label: string): Promise<string[]> {
    const headers = await this.grid.getByRole('columnheader').allTextContents();
    const index = headers.findIndex((h) => h.replace(/[▲▼]/g, '').trim() === label);
    if (index < 0) throw new Error(`no column ${label} in ${headers.join(',')}`);
    const rows = this.bodyRows();
    const out: string[] = [];
    for (let n = 0; n < (await rows.count()); n++) out.push(((await rows.nth(n).getByRole('gridcell').nth(index).textContent()) ?? '').trim());
    return out;
  }

  row(title: string): Locator {
    return this.bodyRows().filter({ has: this.page.getByRole('gridcell', { name: title, exact: true }) });
  }

  async openRow(title: string): Promise<ItemDrawerModel> {
    await this.row(title).first().click();
    await this.drawer.waitOpen();
    return this.drawer;
  }
}

/** Creates an item through 新增 and waits for its drawer. */
export async function createItem(model: ItemsPageModel, title: string): Promise<ItemDrawerModel> {
  await model.page.getByRole('button', { name: '新增', exact: true }).click();
  const dialog = model.page.getByRole('dialog', { name: /^新增/ });
  await dialog.getByRole('textbox').fill(title);
  await dialog.getByRole('button', { name: '创建' }).click();
  await model.drawer.waitOpen();
  return model.drawer;
}
