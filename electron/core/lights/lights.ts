import type { Database } from 'better-sqlite3';
import { lightLook, type ItemLight, type LightCounts, type LightLevel } from '../../../shared/contract/schemas/lights';
import type { LIGHT_SCHEMES, Settings } from '../../../shared/contract/schemas/office';
import { createSettingsRepository } from '../repositories/settings-repository';
import { judgeLight, type LightContext, type LightVerdict } from './judge-light';
import { loadLightRows, type LightRow, type LightScope } from './light-inputs';

export type LightScheme = (typeof LIGHT_SCHEMES)[number];

/** An item's row with its verdict. */
export interface JudgedRow extends LightRow {
  verdict: LightVerdict;
}

/** The rule's context from the office's settings and the day. */
export function lightContext(settings: Settings, today: string): LightContext {
  return { today, dueSoonDays: settings.dueSoonDays, missedRoundsRed: settings.missedRoundsRed, lagTolerance: settings.lagTolerance };
}

/** Judges every item in scope as of `today` with the office's thresholds. */
export function judgeItems(db: Database, scope: LightScope, today: string): JudgedRow[] {
  const ctx = lightContext(createSettingsRepository(db).settings(), today);
  return loadLightRows(db, scope, today).map((r) => ({ ...r, verdict: judgeLight(r.input, ctx) }));
}

/** A verdict as the UI shows it under the office's scheme. */
export function toItemLight(scheme: LightScheme, id: number, v: LightVerdict): ItemLight {
  const look = lightLook(scheme, v.level);
  return { id, level: v.level, rule: v.rule, light: look.color, symbol: look.text, reason: v.reason };
}

/** Counts per level. */
export function countLevels(levels: Iterable<LightLevel>): LightCounts {
  const c: LightCounts = { bad: 0, warn: 0, good: 0, done: 0 };
  for (const l of levels) c[l]++;
  return c;
}
