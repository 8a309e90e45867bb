import type { Database } from 'better-sqlite3';
import { localDate } from '../context';
import { createSettingsRepository } from '../repositories/settings-repository';

/** 2025-06-30 → 2025年6月30日 (any other text as is). */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

/** Today as 2025年6月30日 (local time). */
export function chineseToday(now: Date): string {
  return chineseDate(localDate(now));
}

/** This office's name, or a neutral word when none is set yet. */
export function officeName(db: Database): string {
  return createSettingsRepository(db).office().name || '本办';
}

/** A file name without characters Windows forbids, at most 120 characters before the extension. */
export function safeFileName(name: string, ext = '.xlsx'): string {
  const base = name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/\s+/g, '').slice(0, 120) || '导出';
  return `${base}${ext}`;
}

/** yyyy-mm-dd HH:MM in local time, for 导出时间 lines. */
export function localStamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${localDate(d)} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
