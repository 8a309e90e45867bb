import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, useApp, type RunningServer } from './harness';
import { pdfText, printToPdf, squash } from './pdf-tools';
import { rpc } from './page-models/rpc';

const PERIOD = { name: '2025年第5期', kind: '双周' as const, start: '2025-06-16', end: '2025-06-29', due: '2025-06-30' };
let periodId = 0;

/** Demo data and a period in which six tasks were due before its end and are not done: six lagging items. */
async function seed(server: RunningServer): Promise<void> {
  await rpc(server, 'demo:load', {});
  const tasks = (await rpc(server, 'items:list', { kind: 'task', limit: 6 })).rows;
  for (const [n, t] of tasks.entries()) {
    await rpc(server, 'items:update', { id: t.id, fields: { deadlineText: `2025-06-${String(10 + n).padStart(2, '0')}`, status: 'in_progress', progress: 10 * n } });
  }
  periodId = (await rpc(server, 'periods:open', PERIOD)).id;
}

/** The 三、滞后事项 part of the editor's text. */
function laggingPart(body: string): string {
  return /三、滞后事项\n([\s\S]*?)\n(?:四、|$)/.exec(body)?.[1] ?? '';
}

async function openBulletin(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '导出与打印' }).click();
  await page.getByRole('tab', { name: '调度通报' }).click();
}

describe('调度通报: cap the lagging items, saved with the period, printed as drafted', () => {
  const app = useApp({ seed });

  it('lists only the most severe N and counts the rest as 另有, keeps the choice, and prints it', async () => {
    const page = app.page;
    const all = (await rpc(app.server, 'bulletins:draft', { periodId })).facts.lagging;
    expect(all.length).toBeGreaterThanOrEqual(6);
    await openBulletin(page);
    const body = page.getByRole('textbox', { name: '通报正文' });
    await expect.poll(async () => laggingPart(await body.inputValue()).split('\n').length).toBe(all.length);

    await page.locator('label', { hasText: '只列最严重的' }).click();
    const count = page.getByRole('textbox', { name: '列出项数' });
    await count.fill('2');
    const rest = all.length - 2;
    await expect.poll(async () => laggingPart(await body.inputValue())).toContain(`另有 ${rest} 项滞后事项未逐项列出`);
    const lines = laggingPart(await body.inputValue()).split('\n');
    expect(lines.filter((l) => /^\u3000\u3000（[一二三四五六七八九十]+）/.test(l))).toHaveLength(2);
    // The most severe are the least advanced: the two tasks at 0% and 10%.
    const severe = [...all].sort((a, b) => a.progress - b.progress).slice(0, 2);
    for (const l of severe) expect(lines.join('')).toContain(l.title);
    expect(await page.getByTestId('lagging-listed').textContent()).toBe(`共 ${all.length} 项滞后，逐项列出 2 项，另有 ${rest} 项只计数`);
    await screenshot(page, 'bulletin-cap');

    await page.getByRole('button', { name: '保存通报' }).click();
    await expect.poll(async () => (await rpc(app.server, 'bulletins:get', { periodId }))?.lagging).toEqual({ limit: 2 });

    await page.reload();
    await openBulletin(page);
    await expect.poll(() => page.getByRole('textbox', { name: '列出项数' }).inputValue()).toBe('2 项');
    expect(laggingPart(await body.inputValue())).toContain(`另有 ${rest} 项`);

    await page.getByRole('button', { name: '打印预览' }).click();
    const { pdf } = await printToPdf(page, 'bulletin-cap');
    const text = squash(pdfText(pdf));
    expect(text).toContain(squash(`另有 ${rest} 项滞后事项未逐项列出`));
    for (const l of severe) expect(text).toContain(squash(l.title));
  });
});
