const CN_DIGITS: Readonly<Record<string, number>> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 → 1, 十二 → 12, 二十三 → 23; 3 → 3; null otherwise. */
function numeral(token: string): number | null {
  if (/^\d+$/.test(token)) return Number(token);
  if (!/^[零〇一二两三四五六七八九十]+$/.test(token)) return null;
  const ten = token.indexOf('十');
  if (ten < 0) return token.length === 1 ? CN_DIGITS[token] : null;
  const tens = ten === 0 ? 1 : CN_DIGITS[token.slice(0, ten)];
  const ones = token.slice(ten + 1) === '' ? 0 : CN_DIGITS[token.slice(ten + 1)];
  return tens === undefined || ones === undefined ? null : tens * 10 + ones;
}

/** The number a heading starts with: 一、… / （一）… / 第一部分 / 1. / （1） → its value; null when unnumbered. */
export function headingNumber(heading: string): number | null {
  const m = /^\s*(?:第\s*([零〇一二两三四五六七八九十\d]+)\s*(?:部分|章|篇)|[（(]\s*([零〇一二两三四五六七八九十\d]+)\s*[)）]|([零〇一二两三四五六七八九十]+|\d{1,3})\s*[、.．,，])/.exec(heading.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)));
  return m ? numeral(m[1] ?? m[2] ?? m[3]) : null;
}

/**
 * The 编号 a list shows: plan texts number items inside each section (1. 2. … again under every
 * （一）（二）), so a bare "1" is shown with its section's (and group's) number, 1-1, 2-3, 7-1-2 —
 * the way the province's task lists write them. A code that already says where it sits (3-1, 1.2,
 * （一）1) or an item outside a numbered section is shown as stored.
 */
export function listCode(code: string, section: string, group = ''): string {
  if (!/^\d{1,4}$/.test(code.trim())) return code;
  const s = section ? headingNumber(section) : null;
  if (s === null) return code;
  const g = group ? headingNumber(group) : null;
  return g === null ? `${s}-${code.trim()}` : `${s}-${g}-${code.trim()}`;
}

/** An item named by its 编号 and title, "1-2 完善消费政策" (the title alone when it has no 编号). */
export function codeTitle(code: string | undefined, title: string): string {
  return code ? `${code} ${title}` : title;
}
