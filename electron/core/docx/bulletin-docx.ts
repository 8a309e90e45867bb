import type { Paragraph } from 'docx';
import type { BulletinContent } from '../services/bulletin-content';
import { FONTS, blankLine, gongwenSection, label, packGongwen, paragraph, titleParagraph } from './gongwen';

type Line = { text: string; kind: 'body' | 'heading1' };

function bodyLines(content: BulletinContent): Line[] {
  const lines: Line[] = content.lead.map((text) => ({ text, kind: 'body' }));
  for (const s of content.sections) {
    lines.push({ text: s.heading, kind: 'heading1' });
    // （一） numbered lines stay body text: they are whole sentences, not headings.
    for (const text of s.paragraphs) lines.push({ text, kind: 'body' });
  }
  return lines;
}

/** 调度通报 in 公文 layout: title, greeting at the left edge, lead, 一、 parts in 黑体, office and date at the right. */
export async function writeBulletinDocx(content: BulletinContent, creator: string): Promise<Uint8Array<ArrayBuffer>> {
  const signed = Boolean(content.office || content.dateLine);
  const lines = bodyLines(content);
  const out: Paragraph[] = [titleParagraph(content.title)];
  if (content.greeting) out.push(label(content.greeting, FONTS.body));
  // The sign-off never stands alone on a page: the last paragraph goes over with it.
  lines.forEach((l, i) => out.push(paragraph(l.text, l.kind, { keepNext: l.kind === 'heading1' || (signed && i === lines.length - 1) })));
  if (signed) {
    out.push(blankLine(true), blankLine(true));
    // 成文日期右空四字; the office line stands above it.
    if (content.office) out.push(paragraph(content.office, 'body', { align: 'right', rightIndent: 640, keepNext: Boolean(content.dateLine) }));
    if (content.dateLine) out.push(paragraph(content.dateLine, 'body', { align: 'right', rightIndent: 1280 }));
  }
  return packGongwen([gongwenSection(out)], { title: content.title, creator });
}
