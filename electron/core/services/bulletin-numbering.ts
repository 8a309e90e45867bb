const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const POWERS = ['', '十', '百', '千'];

/** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五, 120 → 一百二十 (1…9999). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 9999) return String(n);
  const digits = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    const power = POWERS[digits.length - 1 - i];
    if (d === 0) return void (zero = out !== '');
    if (zero) out += '零';
    zero = false;
    out += DIGITS[d] + power;
  });
  return n >= 10 && n < 20 ? out.replace(/^一十/, '十') : out;
}

/** 公文 heading numbers, 1-based: level 1 一、, level 2 （一）, level 3 1., level 4 （1）. */
export function headingNumber(level: 1 | 2 | 3 | 4, n: number): string {
  if (level === 1) return `${chineseNumber(n)}、`;
  if (level === 2) return `（${chineseNumber(n)}）`;
  if (level === 3) return `${n}.`;
  return `（${n}）`;
}
