import { describe, expect, it } from 'vitest';
import { screenshot, useApp } from './harness';
import { ItemsPageModel } from './page-models/items-page';

/** How far each named column header lies inside the grid's visible box (negative: cut). */
async function headerFit(tasks: ItemsPageModel, label: string): Promise<{ left: number; right: number }> {
  const grid = (await tasks.grid.boundingBox())!;
  const head = (await tasks.grid.getByRole('columnheader').filter({ hasText: label }).first().boundingBox())!;
  return { left: head.x - grid.x, right: grid.x + grid.width - (head.x + head.width) };
}

describe('a 1366×768 laptop screen', () => {
  const app = useApp({ demo: true });

  it('shows the whole task list, 进度 included, without scrolling sideways', async () => {
    const page = app.page;
    await page.setViewportSize({ width: 1366, height: 768 });
    const tasks = new ItemsPageModel(page);
    await tasks.open();
    await expect.poll(() => tasks.total()).toBe(150);
    await tasks.bodyRows().first().waitFor();
    for (const label of ['标题', '牵头', '完成时限', '状态', '亮灯', '进度']) {
      const fit = await headerFit(tasks, label);
      expect(fit.left, label).toBeGreaterThanOrEqual(0);
      expect(fit.right, label).toBeGreaterThanOrEqual(0);
    }
    // No sideways scroll: the grid's content is as wide as its box.
    expect(await tasks.grid.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(1);
    // The progress cells show their number, e.g. 0%.
    expect((await tasks.column('进度'))[0]).toMatch(/^\d+%$/);
    await screenshot(page, 'tasks-1366x768');
  });
});
