import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { registerSearchFunctions } from '../../electron/core/db/char-search';
import { parseHandlingSlip } from '../../electron/core/import/plan-text/handling-slip';
import { ROOT, screenshot, useApp, type RunningServer } from './harness';
import { DocumentsPageModel, type SlipInput } from './page-models/documents-page';
import { ItemsPageModel } from './page-models/items-page';
import { rpc } from './page-models/rpc';
import { pdfFonts, pdfPageCount, pdfText, printToPdf, squash } from './pdf-tools';

const EXTRA_TASKS = 65;
const EXTRA_DONE = 5;

/** The seed's 文件处理单 as a user would type it. */
function seedSlip(): SlipInput {
  const slip = parseHandlingSlip(readFileSync(join(ROOT, 'resources/seed-plan.txt'), 'utf8'));
  if (!slip) throw new Error('seed has no handling slip');
  const signed = (e: { content: string; person: string; date: string }) => [e.content, e.person, e.date].filter(Boolean).join(' ');
  return {
    issuer: slip.issuer,
    docNo: slip.docNo,
    secrecy: slip.secrecy,
    receivedAt: slip.receivedAt,
    subject: slip.subject,
    proposedUnits: slip.draftingUnit,
    submitOpinion: signed(slip.routingOpinion),
    officeOpinion: signed(slip.officeOpinion),
    remark: slip.note,
    handler: slip.handler,
    phone: slip.phone,
    receiptNo: slip.serialNo,
    instructions: slip.instructions.map((n) => ({ person: n.person, date: n.date, content: n.content })),
  };
}

async function nav(page: Page, label: string): Promise<void> {
  if (page.url().includes('#/print/')) await page.getByRole('button', { name: '返回' }).click();
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: label }).click();
}

/** Every page carries the table header and 第 p 页 共 n 页 with the right numbers. */
function expectPagesNumbered(pdf: string, headers: readonly string[] = []): number {
  const pages = pdfPageCount(pdf);
  expect(pages).toBeGreaterThan(0);
  for (let p = 1; p <= pages; p++) {
    const text = pdfText(pdf, p);
    expect(text, `page ${p}`).toContain(`第 ${p} 页 共 ${pages} 页`);
    for (const h of headers) expect(squash(text), `header on page ${p}`).toContain(h);
  }
  return pages;
}

/** The demo data and enough more tasks (some done) that the task list prints on several pages. */
async function demoAndExtraTasks(server: RunningServer): Promise<void> {
  await rpc(server, 'demo:load', {});
  const lead = (await rpc(server, 'units:list', {}))[0];
  for (let n = 1; n <= EXTRA_TASKS; n++) {
    await rpc(server, 'items:create', {
      kind: 'task',
      title: `补充任务${n}：推进第${n}批重点事项落实`,
      deadlineText: '2025年12月底前',
      status: n <= EXTRA_DONE ? 'done' : 'in_progress',
      progress: n <= EXTRA_DONE ? 100 : 40,
      units: [{ unitId: lead.id, role: 'lead' }],
    });
  }
}

describe('print views rendered to PDF in Chromium', () => {
  const app = useApp({ seed: demoAndExtraTasks });

  it('prints a filtered task list of 200+ rows: every row, the header on every page, 第 X 页 共 Y 页', async () => {
    const wanted = await rpc(app.server, 'items:list', { kind: 'task', statuses: ['not_started', 'in_progress'], limit: 100000 });
    const left = await rpc(app.server, 'items:list', { kind: 'task', statuses: ['done'], limit: 100000 });
    expect(wanted.total).toBeGreaterThanOrEqual(200);
    expect(left.total).toBe(EXTRA_DONE);

    await nav(app.page, '导出与打印');
    await app.page.getByRole('tab', { name: '打印清单' }).click();
    await app.page.getByRole('combobox', { name: '状态' }).click();
    await app.page.getByRole('option', { name: '未启动' }).click();
    await app.page.getByRole('option', { name: '推进中' }).click();
    await app.page.keyboard.press('Escape');
    await app.page.getByTestId('print-count').filter({ hasText: `将打印 ${wanted.total} 项` }).waitFor();
    await screenshot(app.page, 'print-list-form');
    await app.page.getByRole('button', { name: '打印预览' }).click();
    await app.page.getByText('打印预览：任务清单').waitFor();
    await screenshot(app.page, 'print-list-preview');
    const { pdf, pngs } = await printToPdf(app.page, 'task-list');

    const pages = expectPagesNumbered(pdf, ['序号', '编号', '任务名称', '牵头单位', '配合单位', '完成时限', '状态', '进度', '亮灯']);
    expect(pngs).toHaveLength(pages);
    const perPage = Array.from({ length: pages }, (_, i) => squash(pdfText(pdf, i + 1)));
    for (const row of wanted.rows) {
      // Each title whole on one page: no row cut across a page break.
      expect(perPage.some((t) => t.includes(squash(row.title))), row.title).toBe(true);
    }
    const all = perPage.join('');
    for (const row of left.rows) expect(all).not.toContain(squash(row.title));
    // Lights print as symbol + word, as many of each as the core judges.
    const lights = Object.values((await rpc(app.server, 'lights:for-items', { ids: wanted.rows.map((r) => r.id) })).lights);
    const symbols = new Set(lights.map((l) => l.symbol));
    expect(symbols.has('●红')).toBe(true);
    for (const sym of symbols) expect(all.split(sym).length - 1, sym).toBe(lights.filter((l) => l.symbol === sym).length);
    expect(perPage[0]).toContain('汨罗市七大攻坚工作专班办公室');
    expect(perPage[0]).toContain(`共${wanted.total}项`);
    expect(perPage[0]).toContain('状态：未启动、推进中');
    expect(pdfFonts(pdf).some((f) => /WenQuanYi|FangSong|SimHei|Noto/i.test(f))).toBe(true);
    await app.page.getByRole('button', { name: '返回' }).click();
    await app.page.getByRole('tab', { name: '打印清单', selected: true }).waitFor();
  });

  it('drafts the period bulletin from the data, keeps the edit and prints it', async () => {
    const tasks = (await rpc(app.server, 'items:list', { kind: 'task', origin: 'upper', limit: 20 })).rows.filter((t) => t.lead).slice(0, 6);
    for (const t of tasks.slice(0, 2)) {
      await rpc(app.server, 'items:update', { id: t.id, fields: { deadlineText: '2025-06-15', status: 'in_progress', progress: 30, problems: `${t.title}资金尚未落实` } });
    }
    const units = await rpc(app.server, 'units:list', {});
    const owner = new Map<number, number[]>();
    for (const t of tasks) {
      const unit = units.find((u) => u.name === t.lead.split('、')[0])!;
      owner.set(unit.id, [...(owner.get(unit.id) ?? []), t.id]);
    }
    const db = new Database(app.server.dbPath);
    // the reports' keyword index (migration 0014) is written by a trigger calling the app's own SQL function
    registerSearchFunctions(db);
    const periodId = Number(db.prepare("INSERT INTO periods(name, kind, start_date, end_date, due_date, created_at) VALUES ('2025年第5期', '双周', '2025-06-16', '2025-06-30', '2025-07-03', '2025-06-16')").run().lastInsertRowid);
    const unitIds = [...owner.keys()];
    for (const [n, unitId] of unitIds.entries()) {
      const tpl = db.prepare("INSERT INTO issued_templates(period_id, unit_id, token, file_name, issued_at) VALUES (?, ?, ?, 'x.xlsx', '2025-06-16')").run(periodId, unitId, `t${unitId}`);
      for (const itemId of owner.get(unitId)!) {
        db.prepare("INSERT INTO issued_rows(template_id, item_id, snapshot) VALUES (?, ?, '{}')").run(tpl.lastInsertRowid, itemId);
        if (n > 0) db.prepare("INSERT INTO reports(item_id, period_id, unit_id, progress_text, reported_at) VALUES (?, ?, ?, '按计划推进', '2025-07-01T09:00:00Z')").run(itemId, periodId, unitId);
      }
    }
    db.close();
    const facts = (await rpc(app.server, 'bulletins:draft', { periodId })).facts;
    expect(facts.lagging.map((l) => l.itemId)).toEqual(tasks.slice(0, 2).map((t) => t.id));
    expect(facts.missingUnits).toHaveLength(1);
    expect(facts.commendedUnits.length).toBeGreaterThan(0);

    await nav(app.page, '导出与打印');
    await app.page.getByRole('tab', { name: '调度通报' }).click();
    const body = app.page.getByRole('textbox', { name: '通报正文' });
    await expect.poll(() => body.inputValue()).toContain('一、总体进展');
    // The user adds a paragraph just above the sign-off.
    const drafted = await body.inputValue();
    await body.fill(drafted.replace(/\n\n(?=[^\n]+\n[^\n]+$)/, '\n\u3000\u3000（本通报经专班办公室审核）\n\n'));
    await app.page.getByRole('button', { name: '保存通报' }).click();
    await expect.poll(async () => (await rpc(app.server, 'bulletins:get', { periodId }))?.body ?? '').toContain('（本通报经专班办公室审核）');
    await screenshot(app.page, 'bulletin-editor');
    await app.page.getByRole('button', { name: '打印预览' }).click();
    const { pdf } = await printToPdf(app.page, 'bulletin');
    expectPagesNumbered(pdf);
    const text = squash(pdfText(pdf));
    for (const s of ['2025年第5期调度通报', '一、总体进展', '二、亮灯情况', '三、滞后事项', '四、未按时报送单位', '五、表扬单位', '（本通报经专班办公室审核）', `共${facts.itemCount}项`]) {
      expect(text).toContain(squash(s));
    }
    for (const l of facts.lagging) expect(text).toContain(squash(l.title));
    for (const l of facts.lagging) expect(text).toContain(squash(l.reason));
    for (const u of facts.missingUnits) expect(text).toContain(u);
    for (const u of facts.commendedUnits) expect(text).toContain(u.name);
  });

  it('takes the seed slip typed field by field, turns the instruction into a task, and prints the 文件处理单 with every field', async () => {
    const slip = seedSlip();
    const docs = new DocumentsPageModel(app.page);
    await nav(app.page, '来文批示');
    await docs.register(slip);
    await screenshot(app.page, 'document-form');
    const lead = (await rpc(app.server, 'units:list', {}))[1].name;
    await docs.toTask(1, '提出汨罗落实方案并提请会议研究', lead, '2025年3月底前');
    await app.page.getByText('任务：提出汨罗落实方案并提请会议研究（未启动 0%）').waitFor();
    await screenshot(app.page, 'document-with-task');

    const tasks = new ItemsPageModel(app.page);
    await tasks.open();
    await tasks.filterKeyword('汨罗落实');
    await expect.poll(() => tasks.total()).toBe(1);
    await expect.poll(() => tasks.column('标题')).toEqual(['提出汨罗落实方案并提请会议研究']);
    const task = (await rpc(app.server, 'items:list', { kind: 'task', keyword: '汨罗落实', limit: 5 })).rows[0];
    expect(task).toMatchObject({ origin: 'local', lead, deadlineText: '2025年3月底前' });
    expect((await rpc(app.server, 'items:get', { id: task.id })).instructionId).not.toBeNull();
    const drawer = await tasks.openRow('提出汨罗落实方案并提请会议研究');
    await expect.poll(() => app.page.getByTestId('linked-document').innerText()).toContain(slip.subject.slice(0, 12));
    await screenshot(app.page, 'task-linked-document');
    await drawer.close();
    await tasks.clearFilters();

    await docs.open();
    await app.page.getByRole('textbox', { name: '搜索来文' }).fill('攻坚');
    await app.page.getByTestId('document-row').first().waitFor();
    const typed = (await rpc(app.server, 'documents:list', { limit: 10 })).rows.find((r) => r.taskCount > 0)!;
    await app.page.evaluate((id) => (location.hash = `#/print/slip?id=${id}`), typed.id);
    const { pdf } = await printToPdf(app.page, 'slip');
    expectPagesNumbered(pdf);
    const text = squash(pdfText(pdf));
    const fields = [slip.issuer, slip.docNo, slip.secrecy, slip.receivedAt, slip.subject, slip.submitOpinion, slip.officeOpinion, slip.remark, slip.handler, slip.phone, slip.receiptNo];
    for (const f of fields.filter(Boolean)) expect(text, f).toContain(squash(f));
    for (const n of slip.instructions) for (const f of [n.person, n.date, n.content].filter(Boolean)) expect(text, f).toContain(squash(f));
    for (const label of ['来文机关', '文号', '收文日期', '文件主题', '拟发单位', '送批意见', '办公室意见', '领导批示', '备注', '经办人', '联系电话', '收文编号']) expect(text).toContain(label);
    expect(text).toContain('文件处理单');
  });
});
