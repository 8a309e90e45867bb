/** A bulletin as a 公文 writer needs it: title, greeting, sections of paragraphs, sign-off and date line. */
export interface BulletinContent {
  title: string;
  greeting: string;
  lead: string[];
  sections: { heading: string; paragraphs: string[] }[];
  office: string;
  dateLine: string;
}

const HEADING = /^[一二三四五六七八九十百]+、/;
const DATE_LINE = /^\d{4}年\d{1,2}月\d{1,2}日$/;

/** Reads the (edited) draft text back into its parts; paragraphs keep their own numbering （一）1.（1）. */
export function bulletinContent(title: string, body: string): BulletinContent {
  const lines = body.split('\n').map((l) => l.trim());
  while (lines.length && !lines[lines.length - 1]) lines.pop();
  const dateLine = lines.length && DATE_LINE.test(lines[lines.length - 1]) ? lines.pop()! : '';
  const office = dateLine && lines.length && !HEADING.test(lines[lines.length - 1]) ? lines.pop()! : '';
  const greeting = lines.length && lines[0].endsWith('：') ? lines.shift()! : '';
  const out: BulletinContent = { title, greeting, lead: [], sections: [], office, dateLine };
  for (const line of lines) {
    if (!line) continue;
    if (HEADING.test(line)) out.sections.push({ heading: line, paragraphs: [] });
    else (out.sections.length ? out.sections[out.sections.length - 1].paragraphs : out.lead).push(line);
  }
  return out;
}
