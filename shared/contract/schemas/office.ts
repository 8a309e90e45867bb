import { z } from 'zod';
import { DEFAULT_EVALUATION_WEIGHTS, EvaluationWeightsSchema } from './evaluation';

export const OFFICE_LEVELS = ['省', '市', '县', '乡'] as const;

/** 本办: this installation's office. */
export const OfficeSchema = z.object({
  name: z.string().trim().max(100),
  level: z.enum(OFFICE_LEVELS),
  region: z.string().trim().max(100),
  parentName: z.string().trim().max(100),
});
export type Office = z.infer<typeof OfficeSchema>;

export const LIGHT_SCHEMES = ['红黄绿', '蓝黄红', '蓝橙红', '红黄蓝绿'] as const;

/** User settings kept in the database. */
export const SettingsSchema = z.object({
  /** Name written into the change history as "who". */
  operator: z.string().trim().max(50),
  /** Automatic backups to keep. */
  backupKeep: z.number().int().min(1).max(365),
  lightScheme: z.enum(LIGHT_SCHEMES),
  /** Yellow when due within this many days and behind schedule. */
  dueSoonDays: z.number().int().min(1).max(120),
  /** Red when an item went unreported for this many rounds in a row (default 2). */
  missedRoundsRed: z.number().int().min(1).max(12),
  /** Percentage points an item may lag the time-proportional expectation before it turns yellow (default 0). */
  lagTolerance: z.number().int().min(0).max(50),
  /** 考评: score weights and the 红黄榜 rules (schemas/evaluation.ts). */
  evaluationWeights: EvaluationWeightsSchema,
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  operator: '',
  backupKeep: 10,
  lightScheme: '红黄绿',
  dueSoonDays: 15,
  missedRoundsRed: 2,
  lagTolerance: 0,
  evaluationWeights: DEFAULT_EVALUATION_WEIGHTS,
};
