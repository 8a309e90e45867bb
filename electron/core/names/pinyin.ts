import { customPinyin, pinyin } from 'pinyin-pro';

/**
 * Chinese users find units by pinyin and initials (fgw → 发改委) and expect name lists in pinyin
 * order. This is the one module that knows the pinyin library.
 */

// Readings the library's dictionary gets wrong in government names (分行 is fēn háng, not fēn xíng).
customPinyin({ 分行: 'fēn háng', 支行: 'zhī háng', 银行业: 'yín háng yè', 长沙: 'cháng shā', 重点: 'zhòng diǎn' });

const FULL = { toneType: 'none', type: 'array', v: true } as const;
const FIRST = { pattern: 'first', toneType: 'none', type: 'array', v: true } as const;

const cache = new Map<string, readonly [string, string]>();

/** Full pinyin and initials of a text, lower case, no spaces or tones (省发改委 → shengfagaiwei, sfgw). */
export function pinyinOf(text: string): readonly [full: string, initials: string] {
  const hit = cache.get(text);
  if (hit) return hit;
  const keys = [pinyin(text, FULL).join('').toLowerCase(), pinyin(text, FIRST).join('').toLowerCase()] as const;
  if (cache.size > 20_000) cache.clear();
  cache.set(text, keys);
  return keys;
}

/** Toneless pinyin of a text as one string, ü as v, the library's spacing kept (sort keys: names/title-key.ts). */
export function plainPinyin(text: string): string {
  return pinyin(text, { toneType: 'none', v: true });
}

// The short forms everyone uses for department names (省发展改革委 is 省发改委 in speech and in files).
const SHORT_FORMS: readonly [string, string][] = [
  ['发展改革', '发改'], ['发展和改革', '发改'], ['工业和信息化', '工信'], ['人力资源社会保障', '人社'], ['人力资源和社会保障', '人社'],
  ['住房城乡建设', '住建'], ['住房和城乡建设', '住建'], ['文化和旅游', '文旅'], ['卫生健康', '卫健'], ['市场监管', '市监'],
  ['市场监督管理', '市监'], ['应急管理', '应急'], ['交通运输', '交通'], ['农业农村', '农业'], ['生态环境', '环境'],
  ['自然资源', '资源'], ['科学技术', '科技'], ['人民政府', '政府'], ['国有资产监督管理', '国资'],
];

/** The name with its department words in their short form (省发展改革委 → 省发改委), or null when none applies. */
export function shortForm(name: string): string | null {
  let out = name;
  for (const [long, short] of SHORT_FORMS) out = out.replace(long, short);
  return out === name ? null : out;
}

/**
 * Every key a name can be found by besides itself: its short form (发改委), and the full pinyin and
 * initials of the name, the short form and each alias.
 */
export function nameKeys(name: string, aliases: readonly string[] = []): string[] {
  const keys = new Set<string>();
  const short = shortForm(name);
  if (short) keys.add(short);
  for (const n of [name, ...(short ? [short] : []), ...aliases]) for (const k of pinyinOf(n)) keys.add(k);
  return [...keys];
}

/** True when `query` (letters, or a short form's characters) is in any key of the name or its aliases. */
export function matchesPinyin(query: string, keys: readonly string[]): boolean {
  const q = query.trim().toLowerCase();
  return q.length > 0 && keys.some((k) => k.includes(q));
}

/** Whether a keyword is one a user types as pinyin (letters only, two or more). */
export function isPinyinQuery(keyword: string): boolean {
  return /^[a-zA-Z]{2,}$/.test(keyword.trim());
}
