import type { Database } from 'better-sqlite3';
import { DEFAULT_SETTINGS, SettingsSchema, type Office, type Settings } from '../../../shared/contract/schemas/office';

interface OfficeRow {
  name: string;
  level: Office['level'];
  region: string;
  parent_name: string;
}

/** 本办 and the settings table. */
export function createSettingsRepository(db: Database) {
  const getOffice = db.prepare<[], OfficeRow>('SELECT name, level, region, parent_name FROM office WHERE id = 1');
  const setOffice = db.prepare(
    'UPDATE office SET name = @name, level = @level, region = @region, parent_name = @parentName, updated_at = @at WHERE id = 1',
  );
  const getValue = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const setValue = db.prepare('INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');

  return {
    /** The office of this installation. */
    office(): Office {
      const r = getOffice.get() as OfficeRow;
      return { name: r.name, level: r.level, region: r.region, parentName: r.parent_name };
    },
    setOffice(o: Office, at: string): void {
      setOffice.run({ ...o, at });
    },
    /** Settings merged over defaults; a stored value that no longer validates falls back to its default. */
    settings(): Settings {
      const raw = getValue.get('settings');
      const stored: unknown = raw ? JSON.parse(raw.value) : {};
      const merged = { ...DEFAULT_SETTINGS, ...(typeof stored === 'object' && stored ? stored : {}) };
      const parsed = SettingsSchema.safeParse(merged);
      return parsed.success ? parsed.data : DEFAULT_SETTINGS;
    },
    setSettings(patch: Partial<Settings>): Settings {
      const next = SettingsSchema.parse({ ...this.settings(), ...patch });
      setValue.run('settings', JSON.stringify(next));
      return next;
    },
    /** A free JSON value by key (layouts, UI state). */
    getJson<T>(key: string): T | null {
      const r = getValue.get(key);
      return r ? (JSON.parse(r.value) as T) : null;
    },
    setJson(key: string, value: unknown): void {
      setValue.run(key, JSON.stringify(value));
    },
  };
}
export type SettingsRepository = ReturnType<typeof createSettingsRepository>;
