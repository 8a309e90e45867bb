/**
 * The 文件处理单 (document handling slip) that sits on top of a received document: a table
 * pasted as tab-separated lines, with signatures wrapped in <div> tags.
 */

/** One signed entry on the slip: an opinion or a leader's instruction. */
export interface SlipEntry {
  /** Who signed; '' when the entry carries no name (e.g. the main instruction's text). */
  person: string;
  /** As written: 2025-01-24, 1.24, 1月20日; '' if none. */
  date: string;
  /** The words of the opinion or instruction; '' for a bare "read" signature. */
  content: string;
}

/** The fields of a 文件处理单. Absent fields are ''. */
export interface HandlingSlip {
  /** e.g. 汨罗市人民政府办公室文件处理单 */
  title: string;
  /** 来文机关 */
  issuer: string;
  /** 文号, spaces removed: 湘政办发〔2025〕2号 */
  docNo: string;
  /** 密级: 非密 / 秘密 / 机密 / 绝密 */
  secrecy: string;
  /** 收文日期 with time, as written: 2025-01-20 10:26:51 */
  receivedAt: string;
  /** 文件主题 */
  subject: string;
  /** 拟发单位 */
  draftingUnit: string;
  /** 送批意见 */
  routingOpinion: SlipEntry;
  /** 办公室意见 */
  officeOpinion: SlipEntry;
  /** 领导批示, one entry per signature block, in order. */
  instructions: SlipEntry[];
  /** 备注 */
  note: string;
  /** 经办人 */
  handler: string;
  /** 联系电话 */
  phone: string;
  /** 收文编号, e.g. 000993 */
  serialNo: string;
}

const LABELS = ['来文机关', '文号', '密级', '收文日期', '文件主题', '拟发单位', '送批意见', '办公室意见', '领导批示', '备注'];
const SECRECY_RE = /^(非密|内部|秘密|机密|绝密)(★.*)?$/;
const DATE_RE = /\s*(\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?|\d{4}年\d{1,2}月\d{1,2}日|\d{1,2}月\d{1,2}日|\d{1,2}\.\d{1,2})$/;
const NAME_RE = /(?:^|\s)([\u4e00-\u9fa5]{2,4})$/;

/**
 * Reads the 文件处理单 at the top of pasted text, or returns null when there is none. Only the
 * lines before the document itself are looked at (up to the first line of the form XX文件).
 */
export function parseHandlingSlip(text: string): HandlingSlip | null {
  const lines = text.split(/\r\n|\r|\n/).map((l) => l.trim());
  const titleAt = lines.findIndex((l) => /文件处理单$/.test(l));
  if (titleAt < 0) return null;
  const cells = collectCells(lines.slice(titleAt + 1));
  const colon = (label: string): string =>
    lines.slice(titleAt).find((l) => l.startsWith(`${label}：`) || l.startsWith(`${label}:`))?.slice(label.length + 1).trim() ?? '';
  return {
    title: lines[titleAt],
    issuer: plain(cells.get('来文机关')),
    docNo: plain(cells.get('文号')).replace(/\s+/g, ''),
    secrecy: plain(cells.get('密级')),
    receivedAt: plain(cells.get('收文日期')),
    subject: plain(cells.get('文件主题')),
    draftingUnit: plain(cells.get('拟发单位')),
    routingOpinion: toEntry(plain(cells.get('送批意见'))),
    officeOpinion: toEntry(plain(cells.get('办公室意见'))),
    instructions: splitDivs(cells.get('领导批示') ?? '').map(toEntry),
    note: plain(cells.get('备注')),
    handler: colon('经办人'),
    phone: colon('联系电话'),
    serialNo: serialNo(lines.slice(titleAt + 1)),
  };
}

/** Label → raw value from the slip's tab-separated rows ("收文日期 2025-…" in one cell too). */
function collectCells(lines: readonly string[]): Map<string, string> {
  const cells = new Map<string, string>();
  for (const line of lines) {
    if (/文件$/.test(line)) break;
    const parts = line.split('\t').map((c) => c.trim());
    for (let i = 0; i < parts.length; i += 1) {
      const cell = parts[i];
      const inline = LABELS.find((l) => cell.startsWith(`${l} `) || cell.startsWith(`${l}：`));
      if (LABELS.includes(cell)) {
        cells.set(cell, parts[i + 1] ?? '');
        i += 1;
      } else if (inline) {
        cells.set(inline, cell.slice(inline.length + 1).trim());
      } else if (SECRECY_RE.test(cell)) {
        cells.set('密级', cell);
      }
    }
  }
  return cells;
}

function serialNo(lines: readonly string[]): string {
  for (const line of lines) {
    if (/文件$/.test(line)) break;
    if (/^\d{3,10}$/.test(line)) return line;
  }
  return '';
}

function plain(value: string | undefined): string {
  return (value ?? '').replace(/<\/?div[^>]*>/gi, ' ').replace(/[\s\u3000]+/g, ' ').trim();
}

function splitDivs(value: string): string[] {
  const blocks = [...value.matchAll(/<div[^>]*>([\s\S]*?)<\/div>/gi)].map((m) => plain(m[1]));
  const nonEmpty = blocks.filter((b) => b !== '');
  return nonEmpty.length > 0 ? nonEmpty : [plain(value)].filter((b) => b !== '');
}

/** "内容。 杨余梦 1月20日" → {content, person, date}; "付文勇 2025-01-24" → a bare signature. */
function toEntry(text: string): SlipEntry {
  const date = DATE_RE.exec(text);
  let rest = date ? text.slice(0, date.index).trim() : text;
  const name = NAME_RE.exec(rest);
  let person = '';
  if (name && (name.index > 0 || rest === name[1])) {
    person = name[1];
    rest = rest.slice(0, name.index).trim();
  }
  return { person, date: date ? date[1] : '', content: rest };
}
