import ExcelJS from 'exceljs';
import type { ExportColumn } from '../../../shared/contract/schemas/exchange';
import type { ItemQuery } from '../../../shared/contract/schemas/items';
import { readTemplateRows } from '../../../electron/core/excel/fill-template';
import { dumpTables, makeCore, type TestCore } from '../helpers';

/** A file as it travels between offices: a name and its bytes, nothing else. */
export interface Sent {
  name: string;
  bytes: Uint8Array<ArrayBuffer>;
}

const LIST_COLUMNS: ExportColumn[] = ['code', 'title', 'content', 'lead', 'resp', 'coop', 'deadlineText'];

/** One office: its own database, touching others only through `Sent` files. */
export async function office(name: string, level: '省' | '市' | '县', parentName: string) {
  const core: TestCore = makeCore();
  await core.call('office:set', { name, level, region: '', parentName });
  const unitIds = new Map<string, number>();
  const self = {
    core,
    call: core.call,
    /** The unit with this name, created in the directory if new. */
    async unit(unitName: string): Promise<number> {
      const known = unitIds.get(unitName) ?? (await core.call('units:list', {})).find((u) => u.name === unitName)?.id;
      const id = known ?? (await core.call('units:create', { name: unitName })).id;
      unitIds.set(unitName, id);
      return id;
    },
    /** Exports a list as shown (the file an office sends down). */
    async exportList(query: ItemQuery): Promise<Sent> {
      const f = await core.call('export:list', { query, columns: LIST_COLUMNS });
      return { name: f.fileName, bytes: f.bytes };
    },
    /** Imports an upper office's list as upper items. */
    async importList(file: Sent) {
      return core.call('imports:apply', { files: [file], origin: 'upper', kind: 'task' });
    },
    async openPeriod(periodName: string) {
      return core.call('periods:open', { name: periodName, kind: '双周', start: '2025-07-01', end: '2025-07-15', due: '2025-07-20' });
    },
    /** Issues templates to these units; answers the file each unit gets, by unit name. */
    async issue(periodId: number, units: string[]): Promise<Map<string, Sent>> {
      const unitIdList = await Promise.all(units.map((u) => self.unit(u)));
      const r = await core.call('templates:issue', { periodId, unitIds: unitIdList });
      return new Map(r.files.map((f) => [f.unitName, { name: f.fileName, bytes: f.bytes! }]));
    },
    async tasks(query: Partial<ItemQuery> = {}) {
      return (await core.call('items:list', { kind: 'task', limit: 1000, ...query })).rows;
    },
    dump: () => dumpTables(core.ctx, ['units', 'unit_aliases', 'plans', 'sections', 'items', 'item_units', 'item_targets', 'reports', 'periods', 'issued_templates', 'issued_rows']),
    count: (sql: string, ...p: unknown[]) => (core.ctx.db.prepare(sql).get(...p) as { n: number }).n,
    close: () => core.close(),
  };
  return self;
}
export type Office = Awaited<ReturnType<typeof office>>;

/** What a unit types into its template, by item title. */
export type UnitAnswers = Record<string, { status?: string; ratio?: number; value?: number; progressText?: string; problems?: string; nextSteps?: string }>;

/** Fills a template the way a unit does in Excel: opens it, types into the yellow cells, saves. */
export async function fillAsUnit(file: Sent, answers: UnitAnswers): Promise<Sent> {
  const { meta, rows } = await readTemplateRows(file.bytes, file.name);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.bytes) as unknown as ExcelJS.Buffer);
  for (const r of rows) {
    const a = answers[r.title];
    if (!a) continue;
    const layout = meta.sheets.find((s) => s.name === r.sheet)!;
    const ws = wb.getWorksheet(r.sheet)!;
    for (const [key, value] of Object.entries(a)) {
      const c = layout.columns.indexOf(key) + 1;
      if (c > 0) ws.getRow(r.row).getCell(c).value = value;
    }
  }
  return { name: file.name, bytes: new Uint8Array((await wb.xlsx.writeBuffer()) as unknown as Uint8Array) };
}
