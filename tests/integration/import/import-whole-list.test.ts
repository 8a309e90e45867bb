import { describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../helpers';

type Filed = { plan: string; section: string | null; title: string };
/** Every task with the plan and section it is filed under. */
const filed = (core: TestCore) =>
  core.ctx.db
    .prepare<[], Filed>("SELECT p.title AS plan, s.name AS section, i.title FROM items i JOIN plans p ON p.id = i.plan_id LEFT JOIN sections s ON s.id = i.section_id WHERE i.kind = 'task' ORDER BY p.title, i.title")
    .all();

describe('a whole task list of several plans in one sheet (所属方案 / 章节 columns)', () => {
  it('files every row under the plan and section it names, as the sending office files it', async () => {
    const upper = makeCore();
    const lower = makeCore();
    await upper.call('demo:load', {});
    // 导出Excel of the whole 任务清单 (no plan filter), with the plan and section columns shown.
    const f = await upper.call('export:list', { query: { kind: 'task' }, columns: ['code', 'planTitle', 'sectionName', 'title', 'content', 'lead', 'resp', 'coop', 'deadlineText'] });
    const preview = await lower.call('imports:preview', { files: [{ name: f.fileName, bytes: f.bytes }], kind: 'task', origin: 'upper' });
    const sentPlans = [...new Set(filed(upper).map((r) => r.plan))].sort();
    expect(preview.files[0].sheets[0].plans.map((p) => p.title).sort()).toEqual(sentPlans);
    expect(preview.files[0].sheets[0].columns.filter((c) => c.field === 'plan' || c.field === 'section').map((c) => c.header)).toEqual(['所属方案', '章节']);
    await lower.call('imports:apply', { files: [{ name: f.fileName, bytes: f.bytes }], kind: 'task', origin: 'upper' });
    expect(filed(lower)).toEqual(filed(upper));
    expect(lower.ctx.db.prepare('SELECT count(*) FROM plans WHERE title LIKE ?').pluck().get(`%${f.fileName.replace(/\.xlsx$/, '')}%`)).toBe(0);
    upper.close();
    lower.close();
  });
});
