import { describe, expect, it } from 'vitest';
import { screenshot, useApp } from './harness';
import { rpc } from './page-models/rpc';

describe('leader instructions on the dashboard', () => {
  const app = useApp({ demo: true });

  it('shows the seed slip’s open instructions, and one fewer once its task is done', async () => {
    const open = await rpc(app.server, 'documents:open-instructions', {});
    const count = open.reduce((n, d) => n + d.instructions.filter((i) => i.open).length, 0);
    expect(count).toBeGreaterThan(0);
    const card = app.page.getByTestId('open-instructions');
    await expect.poll(() => card.innerText()).toContain(`共 ${count} 条批示未办结`);
    expect(await card.innerText()).toContain(open[0].document.subject.slice(0, 10));
    await screenshot(app.page, 'dashboard-open-instructions');

    const instruction = open[0].instructions.find((i) => i.open)!;
    const task = await rpc(app.server, 'instructions:to-task', { instructionId: instruction.id, title: '提出汨罗落实方案，提请相关会议研究' });
    await rpc(app.server, 'items:update', { id: task.id, fields: { status: 'done', progress: 100 } });
    await app.page.reload();
    const after = count - 1 === 0 ? '没有未办结的领导批示' : `共 ${count - 1} 条批示未办结`;
    await expect.poll(() => app.page.getByTestId('open-instructions').innerText()).toContain(after);
  });
});
