import { z } from 'zod';
import { IdSchema } from './common';
import { ITEM_KINDS } from './items';
import type { LIGHT_SCHEMES } from './office';

/**
 * Semantic light levels, worst first. Three-colour schemes show `done` in the `good` colour;
 * 红黄蓝绿 gives it its own (蓝 = on schedule, 绿 = done).
 */
export const LIGHT_LEVELS = ['bad', 'warn', 'good', 'done'] as const;
export type LightLevel = (typeof LIGHT_LEVELS)[number];

/** What each level means, whatever the colour. */
export const LIGHT_LEVEL_LABELS: Record<LightLevel, string> = {
  bad: '逾期或严重滞后',
  warn: '需关注',
  good: '正常推进',
  done: '已完成',
};

/** Which rule decided a light (stable codes for tests and filters). */
export const LIGHT_RULES = ['done', 'suspended', 'overdue', 'missed', 'behind', 'problems', 'on_track'] as const;
export type LightRule = (typeof LIGHT_RULES)[number];

type Scheme = (typeof LIGHT_SCHEMES)[number];
export type LightColorWord = '红' | '黄' | '橙' | '蓝' | '绿';

const SCHEME_COLORS: Record<Scheme, Record<LightLevel, LightColorWord>> = {
  红黄绿: { bad: '红', warn: '黄', good: '绿', done: '绿' },
  蓝黄红: { bad: '红', warn: '黄', good: '蓝', done: '蓝' },
  蓝橙红: { bad: '红', warn: '橙', good: '蓝', done: '蓝' },
  红黄蓝绿: { bad: '红', warn: '黄', good: '蓝', done: '绿' },
};

/** A symbol per colour, so a light survives a black-and-white printer. */
const COLOR_SYMBOL: Record<LightColorWord, string> = { 红: '●', 黄: '▲', 橙: '▲', 蓝: '◇', 绿: '○' };
/** Mantine palette names for chips and charts. */
const COLOR_MANTINE: Record<LightColorWord, string> = { 红: 'red', 黄: 'yellow', 橙: 'orange', 蓝: 'blue', 绿: 'green' };

/** How a level looks under a scheme: 红 / ● / ●红 / red. */
export interface LightLook {
  level: LightLevel;
  color: LightColorWord;
  symbol: string;
  /** Symbol and word, for print and chips: ●红. */
  text: string;
  /** Mantine colour name. */
  mantine: string;
}

/** The colour, symbol and words of a level under a scheme. */
export function lightLook(scheme: Scheme, level: LightLevel): LightLook {
  const color = SCHEME_COLORS[scheme][level];
  const symbol = COLOR_SYMBOL[color];
  return { level, color, symbol, text: `${symbol}${color}`, mantine: COLOR_MANTINE[color] };
}

/** The distinct colours a scheme shows, worst first (3 or 4), each with the levels it covers. */
export function schemeLegend(scheme: Scheme): { look: LightLook; levels: LightLevel[] }[] {
  const out: { look: LightLook; levels: LightLevel[] }[] = [];
  for (const level of LIGHT_LEVELS) {
    const look = lightLook(scheme, level);
    const same = out.find((o) => o.look.color === look.color);
    if (same) same.levels.push(level);
    else out.push({ look, levels: [level] });
  }
  return out;
}

/** One item's light as the UI shows it. */
export const ItemLightSchema = z.object({
  id: IdSchema,
  level: z.enum(LIGHT_LEVELS),
  rule: z.enum(LIGHT_RULES),
  /** Colour word under the office's scheme: 红. */
  light: z.string(),
  /** ●红 */
  symbol: z.string(),
  /** Why, in one Chinese sentence: 逾期 12 天未完成. */
  reason: z.string(),
});
export type ItemLight = z.infer<typeof ItemLightSchema>;

export const LightsForItemsSchema = z.object({ ids: z.array(IdSchema).max(5000) });
export const LightsForItemsResultSchema = z.object({
  scheme: z.string(),
  lights: z.record(z.string(), ItemLightSchema),
});

/** A page of a kind's lights (by item id), optionally only some levels or ids: never all 100,000 in one answer. */
export const LightsListSchema = z.object({
  kind: z.enum(ITEM_KINDS),
  levels: z.array(z.enum(LIGHT_LEVELS)).optional(),
  ids: z.array(IdSchema).max(100000).optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(5000).default(1000),
});

/** One page of lights and how many match in all. */
export const LightsPageSchema = z.object({ total: z.number().int(), rows: z.array(ItemLightSchema) });

export const LightCountsSchema = z.object({ bad: z.number().int(), warn: z.number().int(), good: z.number().int(), done: z.number().int() });
export type LightCounts = z.infer<typeof LightCountsSchema>;

export const SnapshotResultSchema = z.object({ periodId: IdSchema, items: z.number().int(), counts: LightCountsSchema });

/** One item whose light moved between two periods. */
export const LightChangeSchema = z.object({
  id: IdSchema,
  kind: z.enum(ITEM_KINDS),
  code: z.string(),
  title: z.string(),
  before: z.enum(LIGHT_LEVELS).nullable(),
  after: z.enum(LIGHT_LEVELS),
  reasonBefore: z.string(),
  reasonAfter: z.string(),
});
export type LightChange = z.infer<typeof LightChangeSchema>;

export const LightCompareSchema = z.object({
  periodId: IdSchema,
  periodName: z.string(),
  previous: z.object({ id: IdSchema, name: z.string() }).nullable(),
  /** True when the current side is a stored snapshot (else lights judged now). */
  fromSnapshot: z.boolean(),
  improved: z.array(LightChangeSchema),
  worsened: z.array(LightChangeSchema),
  unchanged: z.number().int(),
  added: z.number().int(),
});
export type LightCompare = z.infer<typeof LightCompareSchema>;
