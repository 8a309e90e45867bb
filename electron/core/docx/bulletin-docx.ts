import type { Paragraph } from 'docx';
import type { BulletinContent } from '../services/bulletin-content';
import { FONTS, blankLine, gongwenSection, label, packGongwen, paragraph, titleParagraph } from './gongwen';

/** 调度通报 in 公文 layout: title, greeting at the left edge, lead, 一、 parts in 黑体, office and date at the right. */
export async function writeBulletinDocx(content: BulletinContent, creator: string): Promise<Uint8Array<ArrayBuffer>> {
  const out: Paragraph[] = [titleParagraph(content.title)];
  if (content.greeting) out.push(label(content.greeting, FONTS.body));
  for (const line of content.lead) out.push(paragraph(line));
  for (const s of content.sections) {
    out.push(paragraph(s.heading, 'heading1'));
    // （一） numbered lines stay body text: they are whole sentences, not headings.
    for (const line of s.paragraphs) out.push(paragraph(line));
  }
  if (content.office || content.dateLine) {
    out.push(blankLine(), blankLine());
    // 成文日期右空四字; the office line stands above it.
    if (content.office) out.push(paragraph(content.office, 'body', { align: 'right', rightIndent: 640 }));
    if (content.dateLine) out.push(paragraph(content.dateLine, 'body', { align: 'right', rightIndent: 1280 }));
  }
  return packGongwen([gongwenSection(out)], { title: content.title, creator });
}
