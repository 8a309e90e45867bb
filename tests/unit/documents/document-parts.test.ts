import { describe, expect, it } from 'vitest';
import { assembleDocument, gridSheet } from '../../../electron/core/documents-in/document-blocks';
import { docBlocks, regionRows } from '../../../electron/core/documents-in/doc-tables';
import { isPageNumber, tidyPdfText, type PdfLine } from '../../../electron/core/documents-in/pdf-lines';

describe('.doc tables from word-extractor text', () => {
  it('rows end with an extra tab or a line break; an empty cell inside a row stays an empty cell', () => {
    const text = '序号\t任务\t牵头单位\t\t一、项目\t\n1\t\t市财政局\t\t2\t建设\t市商务局\t\t\n';
    expect(regionRows(text)).toEqual([['序号', '任务', '牵头单位'], ['一、项目'], ['1', '', '市财政局'], ['2', '建设', '市商务局']]);
  });

  it('a cell of two paragraphs stays one cell; the paragraph after the table is body text', () => {
    const blocks = docBlocks('标题\n序号\t任务\t\t1\t第一段\n第二段\t\t\n正文。');
    expect(blocks[0]).toEqual({ kind: 'para', text: '标题' });
    expect(blocks[1].kind === 'table' && blocks[1].sheet.rows).toEqual([['序号', '任务'], ['1', '第一段\n第二段']]);
    expect(blocks[2]).toEqual({ kind: 'para', text: '正文。' });
  });
});

describe('a document split into body text and tables', () => {
  it('a leading 文件处理单 table becomes tab-separated text with <div> signatures, as the pasted seed has it', () => {
    const slip = gridSheet([['来文机关', '省政府办公厅', '文号', '湘政办发〔2025〕2号'], ['领导批示', '请研究。\n张三 1.24', null, null]]);
    const tasks = gridSheet([['序号', '重点任务', '牵头单位'], ['1', '任务', '市财政局']]);
    const doc = assembleDocument([
      { kind: 'para', text: '某市人民政府办公室文件处理单' },
      { kind: 'table', sheet: slip },
      { kind: 'para', text: '附件1' },
      { kind: 'para', text: '重点任务清单' },
      { kind: 'table', sheet: tasks },
    ]);
    expect(doc.text.split('\n').slice(0, 3)).toEqual(['某市人民政府办公室文件处理单', '来文机关\t省政府办公厅\t文号\t湘政办发〔2025〕2号', '领导批示\t<div>请研究。</div> <div>张三 1.24</div>\t\t']);
    expect(doc.tables).toHaveLength(1);
    expect(doc.tables[0].name).toBe('表1');
    expect(doc.tables[0].rows.slice(0, 2).map((r) => r[0])).toEqual(['附件1', '重点任务清单']);
  });
});

describe('PDF text', () => {
  const line = (text: string): PdfLine => ({ page: 1, y: 40, fontSize: 10, items: [{ x: 280, end: 300, text }] });
  it('drops the spaces pdf.js puts between Chinese and digits, keeps those between words', () => {
    expect(tidyPdfText('2025 年 6 月底前')).toBe('2025年6月底前');
    expect(tidyPdfText('新发行一批 REITs 项目')).toBe('新发行一批REITs项目');
    expect(tidyPdfText('GDP growth  rate')).toBe('GDP growth rate');
  });
  it('knows page numbers (— 3 —, 第 3 页) from a task number cell', () => {
    expect(['— 3 —', '- 12 -', '第 3 页', '第3页 共10页', '3/10'].map((t) => isPageNumber(line(t)))).toEqual([true, true, true, true, true]);
    expect(isPageNumber(line('市财政局'))).toBe(false);
  });
});
