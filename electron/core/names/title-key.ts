import type { Database } from 'better-sqlite3';
import { plainPinyin } from './pinyin';

/**
 * Titles sorted by 标题 go in pinyin order (安全… < 保障… < 促进… < 发展…), not by code point.
 * Each item keeps `title_key`: the title's toneless pinyin (letters and digits kept, lower case,
 * everything else dropped), a space, then the title itself as the tiebreak, so ORDER BY title_key
 * alone is the whole order and an index on (kind, title_key) serves it, deep pages included.
 *
 * Cheap enough for a 50,000-row import: the pinyin of every character is kept in a table; only the title's
 * first two characters (the word that decides where it sorts) are read together, so 调整 is tiao
 * and 重点 zhong (cached by that pair too). A whole title through the segmenter costs ~100 µs.
 */
export const TITLE_KEY_FUNCTION = 'qd_title_key';

/** Key of each UTF-16 unit, filled on first sight (a table lookup is several times cheaper than a Map's). */
const units: (string | undefined)[] = new Array(0x10000);
const heads = new Map<string, string>();
const HAN = /^[\u3400-\u9fff]+$/;

const clean = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

function unitKey(code: number): string {
  let k = units[code];
  if (k === undefined) {
    const c = String.fromCharCode(code).normalize('NFKC');
    k = units[code] = clean(HAN.test(c) ? plainPinyin(c) : c);
  }
  return k;
}

/** The first two characters read together when both are Chinese (调整 → tiaozheng, 重点 → zhongdian). */
function headKey(title: string): string {
  const pair = title.slice(0, 2);
  if (pair.length < 2 || !HAN.test(pair)) return pair.length ? unitKey(title.charCodeAt(0)) + (pair.length > 1 ? unitKey(title.charCodeAt(1)) : '') : '';
  let k = heads.get(pair);
  if (k === undefined) {
    k = clean(plainPinyin(pair));
    if (heads.size > 50_000) heads.clear();
    heads.set(pair, k);
  }
  return k;
}

/** The sort key of a title (调整优化产业结构 → "tiaozhengyouhuachanyejiegou 调整优化产业结构"). */
export function titleKey(title: unknown): string {
  if (typeof title !== 'string') return '';
  let out = headKey(title);
  for (let i = 2; i < title.length; i++) out += unitKey(title.charCodeAt(i));
  return `${out} ${title}`;
}

/** The values with `title_key` beside `title` when they set a title (every write of an item's title goes through this). */
export function withTitleKey<T extends Record<string, unknown>>(values: T): T {
  return 'title' in values ? { ...values, title_key: titleKey(values.title) } : values;
}

/** Registers `qd_title_key` on a connection (the trigger that catches a title updated without its key calls it). */
export function registerTitleKeyFunction(db: Database): void {
  db.function(TITLE_KEY_FUNCTION, { deterministic: true }, (title: unknown) => titleKey(title));
}

/**
 * The column's index, and the trigger that keeps the key current when an update sets a title
 * without it (raw SQL, a row restored from an image made before the key existed). The app's own
 * writes pass the key (withTitleKey), so the trigger does nothing for them. Inserts have no such
 * trigger: one would cost every imported row a second write.
 */
export const TITLE_KEY_SQL = `
  CREATE INDEX items_kind_title_key ON items(kind, title_key);
  CREATE TRIGGER items_title_key_au AFTER UPDATE OF title ON items
    WHEN new.title IS NOT old.title AND new.title_key IS old.title_key BEGIN
    UPDATE items SET title_key = ${TITLE_KEY_FUNCTION}(new.title) WHERE id = new.id;
  END;
`;
