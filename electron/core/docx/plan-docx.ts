import type { Paragraph, Table } from 'docx';
import type { PlanDocOutline } from '../../../shared/contract/schemas/docout';
import { gongwenTable, type GongwenColumn, type GongwenRow } from './gongwen-table';
import { TEXT_WIDTH, blankLine, gongwenSection, label, packGongwen, paragraph, titleParagraph } from './gongwen';

/** Column widths of the 附件 task table on a landscape page (they add up to the text width). */
function taskColumns(): GongwenColumn[] {
  const fixed = { no: 800, lead: 2900, others: 3900, deadline: 1500 };
  return [
    { header: '编号', width: fixed.no, align: 'center' },
    { header: '任务', width: TEXT_WIDTH.landscape - fixed.no - fixed.lead - fixed.others - fixed.deadline },
    { header: '牵头单位', width: fixed.lead },
    { header: '责任单位/配合单位', width: fixed.others },
    { header: '完成时限', width: fixed.deadline, align: 'center' },
  ];
}

function taskRows(outline: PlanDocOutline): GongwenRow[] {
  const rows: GongwenRow[] = [];
  for (const part of outline.parts) {
    rows.push({ group: part.heading });
    for (const s of part.sections) {
      for (const t of s.tasks) rows.push({ cells: [String(t.no), t.title, t.lead.join('、'), t.others.join('、'), t.deadline] });
    }
  }
  return rows;
}

/** The body: title, preface, 一、 parts, （一） sections, numbered task paragraphs, then the 附件 note. */
function bodyParagraphs(outline: PlanDocOutline): Paragraph[] {
  const out: Paragraph[] = [titleParagraph(outline.title)];
  for (const line of outline.preface.split('\n').map((l) => l.trim()).filter(Boolean)) out.push(paragraph(line));
  for (const part of outline.parts) {
    out.push(paragraph(part.heading, 'heading1'));
    for (const s of part.sections) {
      if (s.heading) out.push(paragraph(s.heading, 'heading2'));
      for (const t of s.tasks) out.push(paragraph(t.text));
    }
  }
  if (outline.taskCount > 0) out.push(blankLine(), paragraph(`附件：${outline.attachmentTitle}`));
  return out;
}

/** The 附件 on landscape pages: 附件 (黑体), its title, the task table whose header repeats on every page. */
function attachment(outline: PlanDocOutline): (Paragraph | Table)[] {
  return [label('附件'), titleParagraph(outline.attachmentTitle, 28), gongwenTable(taskColumns(), taskRows(outline))];
}

/** The 落实方案 as .docx bytes in 公文 layout. */
export async function writePlanDocx(outline: PlanDocOutline, creator: string): Promise<Uint8Array<ArrayBuffer>> {
  const sections = [gongwenSection(bodyParagraphs(outline))];
  if (outline.taskCount > 0) sections.push(gongwenSection(attachment(outline), 'landscape'));
  return packGongwen(sections, { title: outline.title, creator });
}
