import { describe, expect, it } from 'vitest';
import { screenshot, useApp } from './harness';

describe('the shell in Chromium', () => {
  const app = useApp();

  it('shows the navigation in the order of the work and loads the demo data from the empty state', async () => {
    const { page } = app;
    const nav = page.getByRole('navigation', { name: '主导航' });
    const labels = await nav.getByRole('link').allTextContents();
    expect(labels).toEqual(['概览', '任务清单', '项目清单', '政策清单', '指标', '调度填报', '考评', '导入', '导出与打印', '来文批示', '单位', '设置']);
    await page.getByRole('button', { name: '载入示例数据' }).click();
    await expect.poll(() => page.getByTestId('count-task').textContent(), { timeout: 120_000 }).toBe('150');
    await screenshot(page, 'overview-after-demo');
  });

  it('refuses RPC calls without the token or with a foreign Host header', async () => {
    const base = `http://127.0.0.1:${app.server.port}`;
    const noToken = await fetch(`${base}/rpc/app:info`, { method: 'POST', body: '{}' });
    expect(noToken.status).toBe(401);
    const ok = await fetch(`${base}/rpc/app:info`, { method: 'POST', body: '{}', headers: { 'x-qingdan-token': app.server.token } });
    expect(ok.status).toBe(200);
    const http = await import('node:http');
    const status = await new Promise<number>((done) => {
      http.get({ host: '127.0.0.1', port: app.server.port, path: '/', headers: { host: 'evil.example:80' } }, (res) => done(res.statusCode ?? 0));
    });
    expect(status).toBe(403);
  });
});
