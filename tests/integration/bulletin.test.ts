import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBulletinService } from '../../electron/core/services/bulletin-service';
import { makeCore, type TestCore } from './helpers';

/** Text of one numbered part of the bulletin body (一、… up to the next part). */
function part(body: string, title: string): string {
  const lines = body.split('\n');
  const at = lines.findIndex((l) => l.endsWith(`、${title}`));
  const end = lines.findIndex((l, n) => n > at && /^[一二三四五六七八九十]、/.test(l));
  return lines.slice(at + 1, end < 0 ? undefined : end).join('\n');
}

describe('调度通报 drafted from a prepared period', () => {
  let core: TestCore;
  let periodId: number;
  const ids: Record<string, number> = {};
  const unitIds: Record<string, number> = {};

  beforeEach(async () => {
    core = makeCore({ now: new Date('2025-07-05T09:00:00+08:00') });
    await core.call('office:set', { name: '汨罗市七大攻坚工作专班办公室', level: '县', region: '', parentName: '' });
    for (const name of ['市发展改革局', '市商务局', '市住建局', '市财政局']) unitIds[name] = (await core.call('units:create', { name })).id;
    const add = async (key: string, unit: string, f: { deadlineText: string; status: 'not_started' | 'in_progress' | 'done'; progress: number; problems?: string }) => {
      ids[key] = (await core.call('items:create', { kind: 'task', title: `任务${key}`, units: [{ unitId: unitIds[unit], role: 'lead' }], ...f })).id;
    };
    await add('一', '市发展改革局', { deadlineText: '2025-06-15', status: 'in_progress', progress: 40 });
    await add('二', '市发展改革局', { deadlineText: '2025-12-31', status: 'in_progress', progress: 50 });
    await add('三', '市商务局', { deadlineText: '2025-06-20', status: 'done', progress: 100 });
    await add('四', '市商务局', { deadlineText: '2025-09-30', status: 'in_progress', progress: 30 });
    await add('五', '市住建局', { deadlineText: '2025-05-31', status: 'not_started', progress: 0, problems: '前期手续未办结' });
    await add('六', '市财政局', { deadlineText: '2025-12-31', status: 'in_progress', progress: 20 });
    const db = core.ctx.db;
    periodId = Number(
      db.prepare("INSERT INTO periods(name, kind, start_date, end_date, due_date, created_at) VALUES ('2025年第5期', '双周', '2025-06-16', '2025-06-30', '2025-07-03', 'x')").run().lastInsertRowid,
    );
    const owned: Record<string, string[]> = { 市发展改革局: ['一', '二'], 市商务局: ['三', '四'], 市住建局: ['五'], 市财政局: ['六'] };
    for (const [unit, keys] of Object.entries(owned)) {
      const t = db.prepare("INSERT INTO issued_templates(period_id, unit_id, token, file_name, issued_at) VALUES (?, ?, ?, 'f.xlsx', 'x')").run(periodId, unitIds[unit], unit);
      for (const k of keys) db.prepare("INSERT INTO issued_rows(template_id, item_id, snapshot) VALUES (?, ?, '{}')").run(t.lastInsertRowid, ids[k]);
    }
    const report = db.prepare('INSERT INTO reports(item_id, period_id, unit_id, progress_text, problems, reported_at) VALUES (?, ?, ?, ?, ?, ?)');
    report.run(ids['一'], periodId, unitIds['市发展改革局'], '正在推进', '资金未到位', '2025-07-01T10:00:00Z');
    report.run(ids['二'], periodId, unitIds['市发展改革局'], '按计划推进', '', '2025-07-01T10:00:00Z');
    report.run(ids['三'], periodId, unitIds['市商务局'], '已完成', '', '2025-07-02T10:00:00Z');
    report.run(ids['四'], periodId, unitIds['市商务局'], '按计划推进', '无', '2025-07-03T10:00:00Z');
    report.run(ids['六'], periodId, unitIds['市财政局'], '推进中', '', '2025-07-10T10:00:00Z');
  });
  afterEach(() => core.close());

  it('counts by status and light (the light rule as of the period end), lists red items with reasons, the unit that did not report and the one to commend', async () => {
    const d = await core.call('bulletins:draft', { periodId });
    expect(d.title).toBe('2025年第5期调度通报');
    expect(d.facts).toMatchObject({
      itemCount: 6,
      byStatus: { not_started: 1, in_progress: 4, done: 1, suspended: 0 },
      averageProgress: 40,
      lightSource: 'judged',
      expectedUnits: ['市发展改革局', '市商务局', '市住建局', '市财政局'],
      missingUnits: ['市住建局'],
      lateUnits: ['市财政局'],
      commendedUnits: [{ name: '市商务局', itemCount: 2 }],
    });
    expect(d.facts.lagging.map((l) => [l.title, l.units, l.reason])).toEqual([
      ['任务一', '市发展改革局', '资金未到位；逾期 15 天未完成'],
      ['任务五', '市住建局', '前期手续未办结；逾期 30 天未完成'],
    ]);
    expect(d.facts.lights.map((l) => [l.light, l.count])).toEqual([['bad', 2], ['good', 3], ['done', 1]]);
    expect(part(d.body, '总体进展')).toContain('本期纳入调度的事项共 6 项，其中未启动 1 项、推进中 4 项、已完成 1 项，平均完成进度 40%');
    expect(part(d.body, '亮灯情况')).toContain('●红（逾期或严重滞后） 2 项，○绿（正常推进） 3 项，○绿（已完成） 1 项');
    expect(part(d.body, '滞后事项')).toMatch(/（一）任务一（责任单位：市发展改革局；完成时限：2025-06-15；完成进度：40%）。原因：资金未到位/);
    expect(part(d.body, '未按时报送单位')).toContain('市住建局，共 1 个单位未按时报送');
    expect(part(d.body, '未按时报送单位')).toContain('另有市财政局，共 1 个单位在截止日后才报送');
    expect(part(d.body, '表扬单位')).toContain('市商务局（2 项）');
    expect(d.body.trim().split('\n').slice(-2)).toEqual(['汨罗市七大攻坚工作专班办公室', '2025年7月5日']);
  });

  it('uses the period light snapshots when there are any: counts by light, red items are the lagging ones', async () => {
    const snap = core.ctx.db.prepare('INSERT INTO light_snapshots(period_id, item_id, light, reason) VALUES (?, ?, ?, ?)');
    const lights: Record<string, string> = { 一: 'bad', 二: 'good', 三: 'done', 四: 'warn', 五: 'bad', 六: 'good' };
    for (const [k, l] of Object.entries(lights)) snap.run(periodId, ids[k], l, l === 'bad' ? '逾期未完成' : '');
    const d = await core.call('bulletins:draft', { periodId });
    expect(d.facts.lightSource).toBe('snapshot');
    expect(d.facts.lights.map((l) => [l.light, l.count])).toEqual([['bad', 2], ['warn', 1], ['good', 2], ['done', 1]]);
    expect(d.facts.lagging.map((l) => l.title)).toEqual(['任务一', '任务五']);
    expect(part(d.body, '亮灯情况')).toContain('●红（逾期或严重滞后） 2 项，▲黄（需关注） 1 项');
  });

  it('before the due date names no unit as late and is dated today, not the period end', async () => {
    core.close();
    core = makeCore({ dir: core.dir, now: new Date('2025-06-25T09:00:00+08:00') });
    const d = await core.call('bulletins:draft', { periodId });
    expect(d.facts).toMatchObject({ asOf: '2025-06-25', duePassed: false });
    expect(d.body).not.toContain('未按时报送');
    expect(part(d.body, '总体进展')).toMatch(/^　　截至2025年6月25日，/);
    expect(part(d.body, '报送情况')).toBe('\u3000\u3000本期报送截止2025年7月3日，截至2025年6月25日已有 3 个单位报送，其余 1 个单位尚未报送。');
    expect(part(d.body, '报送情况')).not.toContain('市住建局');
  });

  it('lists only the capped or picked lagging items, most severe first, and counts the rest', async () => {
    const capped = await core.call('bulletins:draft', { periodId, laggingLimit: 1 });
    expect(part(capped.body, '滞后事项').split('\n')).toEqual([
      '\u3000\u3000（一）任务五（责任单位：市住建局；完成时限：2025-05-31；完成进度：0%）。原因：前期手续未办结；逾期 30 天未完成。',
      '\u3000\u3000另有 1 项滞后事项未逐项列出，详见调度汇总表。',
    ]);
    const picked = await core.call('bulletins:draft', { periodId, laggingIds: [ids['一']] });
    expect(part(picked.body, '滞后事项')).toMatch(/^　　（一）任务一（[^\n]*\n　　另有 1 项/);
    const none = await core.call('bulletins:draft', { periodId, laggingLimit: 0 });
    expect(part(none.body, '滞后事项')).toBe('\u3000\u3000本期共有 2 项滞后事项未逐项列出，详见调度汇总表。');
  });

  it('the saved draft survives closing and reopening the database', async () => {
    const d = await core.call('bulletins:draft', { periodId });
    const edited = d.body.replace('各成员单位：', '各成员单位、各有关部门：');
    await core.call('bulletins:save', { periodId, body: edited, lagging: { limit: 1 } });
    core.close();
    core = makeCore({ dir: core.dir, now: new Date('2025-07-06T09:00:00+08:00') });
    expect((await core.call('bulletins:get', { periodId }))?.body).toBe(edited);
    // The lagging-items choice is kept with the period's bulletin, for the page to show again.
    expect((await core.call('bulletins:get', { periodId }))?.lagging).toEqual({ limit: 1 });
    const c = createBulletinService(core.ctx).content(periodId);
    expect(c).toMatchObject({ title: '2025年第5期调度通报', greeting: '各成员单位、各有关部门：', office: '汨罗市七大攻坚工作专班办公室', dateLine: '2025年7月5日' });
    expect(c.sections.map((s) => s.heading)).toEqual(['一、总体进展', '二、亮灯情况', '三、滞后事项', '四、未按时报送单位', '五、表扬单位']);
    expect(c.sections[2].paragraphs.map((p) => p.slice(0, 4))).toEqual(['（一）任', '（二）任']);
  });

  it('keeps the edited bulletin per period and refuses an unknown period', async () => {
    expect(await core.call('bulletins:get', { periodId })).toBeNull();
    const d = await core.call('bulletins:draft', { periodId });
    const saved = await core.call('bulletins:save', { periodId, body: `${d.body}\n（已审核）` });
    expect(saved.body.endsWith('（已审核）')).toBe(true);
    expect((await core.call('bulletins:get', { periodId }))?.body).toBe(saved.body);
    expect((await core.call('bulletins:periods', {}))[0]).toMatchObject({ id: periodId, name: '2025年第5期', bulletinUpdatedAt: saved.updatedAt });
    const r = await core.dispatch('bulletins:draft', { periodId: 999 });
    expect(r.ok ? '' : r.error.message).toBe('调度期次（编号 999）不存在');
  });
});
