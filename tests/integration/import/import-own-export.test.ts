import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { dumpTables, makeCore, type TestCore } from '../helpers';

type Row = { id: number; uid: string; title: string; plan_id: number; section_id: number | null; group_name: string; assign_mode: string; deadline_text: string; upper_uid: string | null };
const items = (core: TestCore) => core.ctx.db.prepare<[], Row>('SELECT id, uid, title, plan_id, section_id, group_name, assign_mode, deadline_text, upper_uid FROM items ORDER BY id').all();
const unitsOf = (core: TestCore, id: number) => core.ctx.db.prepare<[number], { role: string; unit_id: number }>('SELECT role, unit_id FROM item_units WHERE item_id = ? ORDER BY role, sort').all(id);

/** The office's task list as 导出Excel writes it with the list's visible columns (no 负责/配合 units, no plan). */
async function exportOwnList(core: TestCore) {
  return core.call('export:list', { query: { kind: 'task' }, columns: ['code', 'title', 'content', 'lead', 'deadlineText'] });
}

/** Edits the export in Excel: cells by row title and header label (header in row 3). */
async function editInExcel(bytes: Uint8Array, edits: { title: string; label: string; value: string }[]) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet('任务清单')!;
  const header = ws.getRow(3).values as unknown[];
  const rowOf = (title: string) => {
    for (let r = 4; r <= ws.rowCount; r++) if (ws.getCell(r, header.indexOf('名称')).value === title) return r;
    throw new Error(`no row ${title}`);
  };
  for (const e of edits) ws.getCell(rowOf(e.title), header.indexOf(e.label)).value = e.value;
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe("re-importing the office's own exported list", () => {
  it('changes nothing when nothing was edited: no duplicates, no plan named after the file', async () => {
    const core = makeCore();
    await core.call('demo:load', {});
    const before = dumpTables(core.ctx);
    const out = await exportOwnList(core);
    const file = { name: out.fileName, bytes: out.bytes };
    const preview = await core.call('imports:preview', { files: [file] });
    expect(preview.counts).toEqual({ new: 0, changed: 0, unchanged: 150, duplicate: 0 });
    expect(preview.files[0].sheets[0].plans).toEqual([]);
    expect((await core.call('imports:apply', { files: [file] })).batchId).toBeNull();
    expect(dumpTables(core.ctx)).toEqual(before);
    core.close();
  });

  it('an edit made in Excel updates that item only, in place; fields the export lacked stay; undo restores', async () => {
    const core = makeCore();
    await core.call('demo:load', {});
    const start = items(core);
    const joint = start.find((i) => i.assign_mode === 'joint')!;
    const plain = start.find((i) => i.assign_mode === 'lead' && unitsOf(core, i.id).some((u) => u.role === 'coop'))!;
    const before = dumpTables(core.ctx);
    const out = await exportOwnList(core);
    const edited = await editInExcel(out.bytes, [
      { title: joint.title, label: '名称', value: `${joint.title}（修订）` },
      { title: plain.title, label: '完成时限', value: '2025年12月底前' },
    ]);
    const preview = await core.call('imports:preview', { files: [{ name: out.fileName, bytes: edited }] });
    expect(preview.counts).toEqual({ new: 0, changed: 2, unchanged: 148, duplicate: 0 });
    const res = await core.call('imports:apply', { files: [{ name: out.fileName, bytes: edited }] });
    expect(res.counts).toMatchObject({ new: 0, changed: 2, plans: 0, units: 0 });
    const after = items(core);
    expect(after.length).toBe(150);
    const j = after.find((i) => i.id === joint.id)!;
    expect(j).toEqual({ ...joint, title: `${joint.title}（修订）` });
    expect(after.find((i) => i.id === plain.id)).toEqual({ ...plain, deadline_text: '2025年12月底前' });
    // 负责/配合 units were not in the export: every unit link stays as it was.
    expect(dumpTables(core.ctx).item_units).toEqual(before.item_units);
    expect(unitsOf(core, joint.id).length).toBeGreaterThan(0);
    expect(unitsOf(core, plain.id).some((u) => u.role === 'coop')).toBe(true);
    await core.call('imports:undo', { batchId: res.batchId! });
    expect(dumpTables(core.ctx)).toEqual(before);
    core.close();
  });
});
