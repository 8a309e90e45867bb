import {
  AlignmentType, Document, Footer, LineRuleType, Packer, PageNumber, PageOrientation, Paragraph, TextRun,
  type ISectionOptions, type IRunOptions,
} from 'docx';
import { TITLE_PER_LINE, titleLines } from './title-lines';

/**
 * 公文 layout (GB/T 9704-2012) with the `docx` package: the only module family that knows it.
 * Fonts are named as the standard asks (方正小标宋简体, 仿宋_GB2312, 黑体, 楷体_GB2312, 宋体) as
 * East Asian fonts, with Western text in Times New Roman and the runs marked zh-CN: Word and
 * LibreOffice use them where installed and otherwise substitute a Chinese font of the system
 * (LibreOffice through fontconfig, e.g. 文泉驿微米黑; Word its default 宋体/等线), never boxes.
 */
export const FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  pageNumber: '宋体',
  latin: 'Times New Roman',
} as const;

/** Half-points: 二号 22pt, 三号 16pt, 四号 14pt, 小四 12pt, 五号 10.5pt. */
export const SIZE = { erhao: 44, sanhao: 32, sihao: 28, xiaosi: 24, wuhao: 21 } as const;

const MM = 1440 / 25.4;
const mm = (n: number) => Math.round(n * MM);

/** A4 in twips, portrait. */
const A4 = { width: 11906, height: 16838 } as const;
/** Margins: 上37mm 下35mm 左28mm 右26mm; the page number sits about 7mm below the text block. */
const MARGIN = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), header: mm(15), footer: mm(23) } as const;
/** Fixed line spacing: 22 lines in the 225mm text block, 28.95pt. */
export const BODY_LINE = 579;
/** Two characters of 三号 (16pt each), the body's first-line indent. */
export const INDENT_2 = 640;

/** Text width of a portrait and of a landscape page, in twips (for table columns). */
export const TEXT_WIDTH = {
  portrait: A4.width - MARGIN.left - MARGIN.right,
  landscape: A4.height - MARGIN.top - MARGIN.bottom,
} as const;

/**
 * Text as XML 1.0 allows it: control characters (a vertical tab from an Excel cell, a NUL) and lone
 * surrogates would make the part unreadable and Word offer a repair, so they go (tabs and breaks become spaces).
 */
export function xmlSafe(text: string): string {
  return text
    .replace(/[\t\n\r\u000b\u000c]+/g, ' ')
    .replace(/[\u0000-\u0008\u000e-\u001f\u007f\ufffe\uffff]/g, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '');
}

/** A run in one of the 公文 fonts (East Asian font named, Latin in Times New Roman). */
export function run(text: string, font: string, size: number, extra: Partial<IRunOptions> = {}): TextRun {
  return new TextRun({
    text: xmlSafe(text),
    size,
    font: { eastAsia: font, ascii: FONTS.latin, hAnsi: FONTS.latin, hint: 'eastAsia' },
    language: { value: 'en-US', eastAsia: 'zh-CN' },
    ...extra,
  });
}

/** The document title: 方正小标宋简体 二号, centred, broken between words, with a blank line after. */
export function titleParagraph(text: string, perLine = TITLE_PER_LINE): Paragraph {
  const lines = titleLines(text, perLine);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { line: 700, lineRule: LineRuleType.EXACT, after: BODY_LINE },
    children: lines.map((l, i) => run(l, FONTS.title, SIZE.erhao, i > 0 ? { break: 1 } : {})),
  });
}

type Kind = 'body' | 'heading1' | 'heading2' | 'plain';

const KIND_FONT: Record<Kind, string> = { body: FONTS.body, heading1: FONTS.heading1, heading2: FONTS.heading2, plain: FONTS.body };

/** A body paragraph (仿宋 三号, first line indented two characters, justified) or a heading 一、（黑体）/（一）（楷体）. */
export function paragraph(text: string, kind: Kind = 'body', opts: { align?: 'right' | 'left'; keepNext?: boolean; rightIndent?: number } = {}): Paragraph {
  const alignment = opts.align === 'right' ? AlignmentType.RIGHT : opts.align === 'left' ? AlignmentType.LEFT : AlignmentType.JUSTIFIED;
  return new Paragraph({
    alignment,
    indent: opts.rightIndent ? { right: opts.rightIndent } : kind === 'plain' || opts.align ? undefined : { firstLine: INDENT_2 },
    spacing: { line: BODY_LINE, lineRule: LineRuleType.EXACT },
    keepNext: opts.keepNext ?? (kind === 'heading1' || kind === 'heading2'),
    children: [run(text, KIND_FONT[kind], SIZE.sanhao)],
  });
}

/** A label at the left edge without indent, e.g. 附件 in 黑体 三号 above an attachment. */
export function label(text: string, font: string = FONTS.heading1): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.LEFT,
    spacing: { line: BODY_LINE, lineRule: LineRuleType.EXACT },
    children: [run(text, font, SIZE.sanhao)],
  });
}

/** An empty body line. */
export function blankLine(keepNext = false): Paragraph {
  return new Paragraph({ keepNext, spacing: { line: BODY_LINE, lineRule: LineRuleType.EXACT }, children: [] });
}

/** 页码 "— 1 —" in 宋体 四号, one character in from the outer edge: right on odd pages, left on even ones. */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: 280 } : { left: 280 },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            size: SIZE.sihao,
            font: { eastAsia: FONTS.pageNumber, ascii: FONTS.pageNumber, hAnsi: FONTS.pageNumber, hint: 'eastAsia' },
            language: { value: 'en-US', eastAsia: 'zh-CN' },
          }),
        ],
      }),
    ],
  });
}

/** One section of A4 pages (portrait, or landscape for wide tables) with 公文 margins and page numbers. */
export function gongwenSection(children: ISectionOptions['children'], orientation: 'portrait' | 'landscape' = 'portrait'): ISectionOptions {
  const landscape = orientation === 'landscape';
  // Landscape pages turn the portrait margins with the paper: the binding edge stays the same edge.
  const margin = landscape
    ? { top: MARGIN.left, bottom: MARGIN.right, left: MARGIN.top, right: MARGIN.bottom, header: MARGIN.header, footer: mm(15) }
    : MARGIN;
  return {
    properties: {
      page: { size: { ...A4, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT }, margin },
    },
    footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
    children,
  };
}

/** Packs sections into .docx bytes (no file is written). */
export async function packGongwen(sections: ISectionOptions[], meta: { title: string; creator: string }): Promise<Uint8Array<ArrayBuffer>> {
  const doc = new Document({
    title: meta.title,
    creator: meta.creator || '清单通',
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { size: SIZE.sanhao, font: { eastAsia: FONTS.body, ascii: FONTS.latin, hAnsi: FONTS.latin }, language: { value: 'en-US', eastAsia: 'zh-CN' } },
          paragraph: { spacing: { line: BODY_LINE, lineRule: LineRuleType.EXACT } },
        },
      },
    },
    sections,
  });
  const buf = await Packer.toBuffer(doc);
  return new Uint8Array(buf);
}
