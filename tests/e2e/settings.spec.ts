import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dialogSettled, screenshot, useApp } from './harness';
import { SettingsPageModel } from './page-models/settings-page';

describe('settings and backups in Chromium', () => {
  const app = useApp();
  it('sets the office name and shows it in the header', async () => {
    const settings = new SettingsPageModel(app.page);
    await settings.open();
    await settings.setOfficeName('平江县七大攻坚工作专班办公室');
    await expect.poll(() => app.page.getByTestId('office-name').textContent()).toBe('平江县七大攻坚工作专班办公室');
    await settings.setOperator('李明');
    await expect.poll(() => app.page.getByLabel('操作人姓名').inputValue()).toBe('李明');
  });

  it('makes a backup now and to a chosen path, and lists it', async () => {
    const settings = new SettingsPageModel(app.page);
    const before = await settings.listed();
    await settings.backupNow();
    await expect.poll(async () => (await settings.listed()).filter((b) => b.kind === '手动').length).toBe(before.filter((b) => b.kind === '手动').length + 1);
    const chosen = join(app.server.dbPath, '..', 'elsewhere', '清单通备份.sqlite');
    await settings.backupTo(chosen);
    await app.page.getByText(`已备份到 ${chosen}`).waitFor();
    await screenshot(app.page, 'settings');
  });

  it('restores a backup after a confirmation, keeping a safety copy first, and the app shows the restored data', async () => {
    const settings = new SettingsPageModel(app.page);
    const manual = (await settings.listed()).find((b) => b.kind === '手动')!;
    await settings.setOfficeName('改名之后的办公室');
    await expect.poll(() => app.page.getByTestId('office-name').textContent()).toBe('改名之后的办公室');
    await app.page.getByRole('button', { name: `恢复 ${manual.file}` }).click();
    const dialog = app.page.getByRole('dialog', { name: '从备份恢复' });
    expect(await dialog.textContent()).toContain('先把当前数据库备份');
    await dialogSettled(dialog);
    await screenshot(app.page, 'settings-restore-confirm');
    await dialog.getByRole('button', { name: '恢复' }).click();
    await expect.poll(() => app.page.getByTestId('office-name').textContent()).toBe('平江县七大攻坚工作专班办公室');
    await expect.poll(async () => (await settings.listed()).some((b) => b.kind === '恢复前')).toBe(true);
    expect(await app.page.getByLabel('本办名称').inputValue()).toBe('平江县七大攻坚工作专班办公室');
  });
});
