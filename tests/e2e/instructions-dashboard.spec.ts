import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp, screenshot, startServer, tempDb, type RunningServer } from './harness';
import { rpc } from './page-models/rpc';

describe('leader instructions on the dashboard', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer(tempDb());
    browser = await launchBrowser();
    page = await openApp(browser, server);
    await page.getByRole('button', { name: '载入示例数据' }).click();
    await page.getByTestId('count-task').filter({ hasText: /^150$/ }).waitFor({ timeout: 30_000 });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the seed slip’s open instructions, and one fewer once its task is done', async () => {
    const open = await rpc(server, 'documents:open-instructions', {});
    const count = open.reduce((n, d) => n + d.instructions.filter((i) => i.open).length, 0);
    expect(count).toBeGreaterThan(0);
    const card = page.getByTestId('open-instructions');
    await expect.poll(() => card.innerText()).toContain(`共 ${count} 条批示未办结`);
    expect(await card.innerText()).toContain(open[0].document.subject.slice(0, 10));
    await screenshot(page, 'dashboard-open-instructions');

    const instruction = open[0].instructions.find((i) => i.open)!;
    const task = await rpc(server, 'instructions:to-task', { instructionId: instruction.id, title: '提出汨罗落实方案，提请相关会议研究' });
    await rpc(server, 'items:update', { id: task.id, fields: { status: 'done', progress: 100 } });
    await page.reload();
    const after = count - 1 === 0 ? '没有未办结的领导批示' : `共 ${count - 1} 条批示未办结`;
    await expect.poll(() => page.getByTestId('open-instructions').innerText()).toContain(after);
  });
});
