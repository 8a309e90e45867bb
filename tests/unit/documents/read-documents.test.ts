import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfLines } from '../../../electron/core/documents-in/pdf-reader';
import type { DraftItem } from '../../../electron/core/import/draft';
import { parseSources, type ParsedSource } from '../../../electron/core/import/parse-sources';
import { fixtureBytes } from '../../fixtures/documents/make-fixtures';
import { excelSheet, fixtureTasks } from '../../fixtures/documents/task-list';
import { xlsxFromSheets } from '../../fixtures/foreign/make-fixtures';

const SEED = readFileSync(join(__dirname, '../../../resources/seed-plan.txt'), 'utf8');

async function read(name: string, bytes: Uint8Array): Promise<ParsedSource & { source: 'file' }> {
  const [parsed] = await parseSources({ files: [{ name, bytes }], mappingsByLayout: {}, choices: [] });
  if (parsed.source !== 'file') throw new Error('not a file');
  return parsed;
}

/** What the user gets of an item, without where it was read (row numbers differ by format). */
function seen(d: DraftItem) {
  return [d.plan, d.section, d.no, d.code, d.title, d.content, d.lead, d.resp, d.coop, d.kind, d.deadlineText, d.deadlineDate];
}

async function tableItems(name: string, bytes: Uint8Array) {
  const parsed = await read(name, bytes);
  expect(parsed.workbook.fileError).toBeUndefined();
  expect(parsed.workbook.sheets.flatMap((s) => s.problems).filter((p) => p.severity === 'error')).toEqual([]);
  return parsed.workbook.sheets.flatMap((s) => s.items).map(seen);
}

describe('Word and PDF task tables read like the Excel version of the same list', () => {
  it.each([
    ['tasks-merged.docx', 12, false],
    ['tasks.doc', 12, false],
    ['tasks.pdf', 12, false],
    ['tasks-pages.pdf', 60, true],
  ] as const)('%s gives the same items as the .xlsx', async (name, count, long) => {
    const tasks = fixtureTasks(count, long);
    const excel = await tableItems('清单.xlsx', await xlsxFromSheets([excelSheet(tasks, true)]));
    expect(excel).toHaveLength(count);
    expect(excel[0]).toEqual(['2025年扩大有效投资实施方案', '一、项目建设', '1', '1', tasks[0].title, tasks[0].content, [tasks[0].lead], [tasks[0].resp], [], 'lead', '2025年1月底', '2025-01-31']);
    expect(await tableItems(name, fixtureBytes(name))).toEqual(excel);
  });

  it('the .docx keeps its merged lead cells: every task under a merged cell gets that lead', async () => {
    const items = (await read('x.docx', fixtureBytes('tasks-merged.docx'))).workbook.sheets[0].items;
    expect(items.slice(0, 3).map((d) => d.lead)).toEqual([['市发展改革委'], ['市发展改革委'], ['市发展改革委']]);
  });

  it('the long PDF table really spans pages, with its header printed again on each', async () => {
    const lines = await pdfLines(fixtureBytes('tasks-pages.pdf'), 'x.pdf');
    const headers = lines.filter((l) => l.items.map((i) => i.text).join('|') === '序号|重点任务|具体内容|牵头单位|责任单位|完成时限');
    expect(new Set(headers.map((l) => l.page)).size).toBeGreaterThan(3);
  });

  it('the body text after the table stays body text (not a last row)', async () => {
    const parsed = await read('x.pdf', fixtureBytes('tasks-pages.pdf'));
    const last = parsed.workbook.sheets[0].items.at(-1);
    expect(last?.deadlineText).toBe('2025年12月底');
    expect(JSON.stringify(parsed.workbook.sheets[0].items)).not.toContain('每月25日前报送');
  });
});

describe('a plan document: body text read as pasted text is', () => {
  const pasted = async () => {
    const [p] = await parseSources({ files: [], text: SEED, mappingsByLayout: {}, choices: [] });
    if (p.source !== 'text') throw new Error('not text');
    return p;
  };

  it('the seed as .docx gives the 150 tasks and 8 plans of the pasted seed, and its 文件处理单', async () => {
    const text = await pasted();
    const doc = await read('湘政办发〔2025〕2号.docx', fixtureBytes('seed-plan.docx'));
    expect(doc.text?.items.map(seen)).toEqual(text.text.items.map(seen));
    expect(doc.text?.plans.map((p) => p.title)).toEqual(text.text.plans.map((p) => p.title));
    expect(doc.text?.items).toHaveLength(150);
    expect(doc.slip).toMatchObject({ issuer: '省政府办公厅', docNo: '湘政办发〔2025〕2号', receivedAt: '2025-01-20 10:26:51' });
    expect(doc.slip?.instructions[0].content).toContain('结合岳阳方案和汨罗实际，提出汨罗落实方案');
    expect(doc.slip).toEqual(text.slip);
  });

  it('the seed as PDF gives the same 150 tasks (text compared without the spaces pdf.js adds)', async () => {
    const text = await pasted();
    const doc = await read('方案.pdf', fixtureBytes('seed-plan.pdf'));
    const squeeze = (d: DraftItem) => JSON.stringify(seen(d)).replace(/\s+/g, '');
    expect(doc.text?.items.map(squeeze)).toEqual(text.text.items.map(squeeze));
    expect(doc.text?.plans.map((p) => [p.title, p.convener, p.members])).toEqual(text.text.plans.map((p) => [p.title, p.convener, p.members]));
  });
});
