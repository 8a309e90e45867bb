import type { Locator, Page } from 'playwright-core';

/** The detail drawer of one item. */
export class ItemDrawerModel {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByRole('dialog').filter({ has: page.getByRole('tab', { name: '详情' }) });
  }

  async waitOpen(): Promise<void> {
    await this.root.getByLabel('标题').waitFor();
  }

  field(label: string): Locator {
    return this.root.getByLabel(label, { exact: true });
  }

  async setDeadline(text: string): Promise<void> {
    await this.field('完成时限').fill(text);
  }

  private wrapper(role: string): Locator {
    // `has` is matched inside each wrapper, so it starts from the page, not from the dialog.
    return this.root.locator('.mantine-MultiSelect-root').filter({ has: this.page.getByLabel(`${role}单位`, { exact: true }) });
  }

  /** Replaces the units of a role (牵头 / 负责 / 配合) with the given names. */
  async setUnits(role: '牵头' | '负责' | '配合', names: readonly string[]): Promise<void> {
    const input = this.field(`${role}单位`);
    const wrapper = this.wrapper(role);
    for (;;) {
      const remove = wrapper.getByRole('button', { name: /^移除/ });
      if ((await remove.count()) === 0) break;
      await remove.first().click();
    }
    for (const name of names) {
      await input.click();
      await input.fill(name);
      await this.page.getByRole('option', { name, exact: true }).click();
    }
    await input.press('Escape');
  }

  /** Unit names shown as pills for a role. */
  async units(role: '牵头' | '负责' | '配合'): Promise<string[]> {
    const wrapper = this.wrapper(role);
    return (await wrapper.locator('.mantine-Pill-label').allTextContents()).map((s) => s.trim());
  }

  async save(): Promise<void> {
    await this.root.getByRole('button', { name: '保存', exact: true }).click();
  }

  /** The red message shown when the core refuses a save. */
  errorAlert(): Locator {
    return this.root.getByRole('alert').filter({ hasText: '未能保存' });
  }

  async close(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.root.waitFor({ state: 'hidden' });
  }
}
