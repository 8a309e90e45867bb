import ExcelJS from 'exceljs';
import { afterEach, beforeEach } from 'vitest';
import { makeCore, type TestCore } from '../helpers';

export const PERIOD = { name: '2025年第5期', kind: '双周' as const, start: '2025-06-16', end: '2025-06-29', due: '2025-06-30' };

/** A core over a temp database with the demo data, one open period, and templates issued to two units. */
export async function cycleCore(units = ['省商务厅', '省科技厅']) {
  const core = makeCore();
  await core.call('demo:load', {});
  const period = await core.call('periods:open', PERIOD);
  const all = await core.call('units:list', {});
  const unitIds = units.map((n) => all.find((u) => u.name === n)!.id);
  const issued = await core.call('templates:issue', { periodId: period.id, unitIds });
  const template = (unit: string) => issued.files.find((f) => f.unitName === unit)!.bytes!;
  return { core, period, unitIds, issued, template };
}

/** What the returns tests start from: a cycle core, its period, and 省商务厅's template titles in order. */
export interface ReturnsCycle {
  core: TestCore;
  template(unit: string): Uint8Array<ArrayBuffer>;
  periodId: number;
  titles: string[];
}

export async function returnsCycle(): Promise<ReturnsCycle> {
  const { core, template, period } = await cycleCore();
  return { core, template, periodId: period.id, titles: await templateTitles(template('省商务厅')) };
}

/**
 * A fresh returns cycle for every test of the describe it is called in, closed after the test:
 * `const c = useReturnsCycle()`, then c.core, c.template('省商务厅'), c.titles inside the tests.
 */
export function useReturnsCycle(): ReturnsCycle {
  const cycle = {} as ReturnsCycle;
  beforeEach(async () => void Object.assign(cycle, await returnsCycle()));
  afterEach(() => cycle.core.close());
  return cycle;
}

/** What a unit does to its template in Excel, by 名称 of the row and header label of the column. */
export interface SheetEdit {
  ws: ExcelJS.Worksheet;
  /** Column number of a header label. */
  col(label: string): number;
  /** Row number of the row whose 名称 is `title`. */
  row(title: string): number;
  set(title: string, label: string, value: ExcelJS.CellValue): void;
}

/** Opens a template as a unit would, lets `edit` change it, and saves it back (bytes). */
export async function fill(bytes: Uint8Array, edit: (e: SheetEdit) => void, sheet = '填报表'): Promise<Uint8Array<ArrayBuffer>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet(sheet)!;
  const header = ws.getRow(4).values as unknown[];
  const col = (label: string) => {
    const n = header.indexOf(label);
    if (n < 1) throw new Error(`no column ${label}`);
    return n;
  };
  const row = (title: string) => {
    for (let r = 5; r <= ws.rowCount; r++) if (ws.getCell(r, col('名称')).value === title) return r;
    throw new Error(`no row ${title}`);
  };
  edit({ ws, col, row, set: (title, label, value) => (ws.getCell(row(title), col(label)).value = value) });
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Titles of a unit's template rows, in order. */
export async function templateTitles(bytes: Uint8Array, sheet = '填报表'): Promise<string[]> {
  const titles: string[] = [];
  await fill(bytes, ({ ws, col }) => {
    for (let r = 5; r <= ws.rowCount; r++) {
      const v = ws.getCell(r, col('名称')).value;
      if (typeof v === 'string' && !ws.getCell(r, col('名称')).isMerged) titles.push(v);
    }
  }, sheet);
  return titles;
}

export type { TestCore };

/** A return with input on every row: 进展情况 filled in (an untouched template is 退回空表, not a report). */
export async function fillEvery(bytes: Uint8Array, edit: (e: SheetEdit) => void = () => {}, sheet = '填报表'): Promise<Uint8Array<ArrayBuffer>> {
  const titles = await templateTitles(bytes, sheet);
  return fill(bytes, (e) => {
    edit(e);
    for (const t of titles) {
      try {
        e.set(t, '进展情况', `按计划推进：${t}`);
      } catch {
        // a row the edit removed
      }
    }
  }, sheet);
}
