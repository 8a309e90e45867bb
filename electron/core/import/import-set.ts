import type { ItemKind } from '../../../shared/contract/schemas/items';
import type { DraftItem, DraftProblem } from './draft';

/** A plan as an importer found it (专班 fields optional: a workbook rarely has them). */
export interface ImportPlan {
  title: string;
  campaign: string;
  parentTitle?: string | null;
  docNo?: string;
  attachmentNo?: string | null;
  goals?: string;
  convener?: string;
  deputyConveners?: string;
  members?: string[];
  officeAt?: string;
  sections: string[];
}

/** Everything one source (a file, a pasted text) brings: plans, items, problems. */
export interface ImportSet {
  /** What the user picked: file name, or 粘贴文本. */
  source: string;
  /** sha256 of the bytes or text. */
  hash: string;
  kind: ItemKind;
  origin: 'upper' | 'local';
  plans: ImportPlan[];
  items: DraftItem[];
  problems: DraftProblem[];
}

/** How unknown unit names are settled: an existing unit id, or null to create the unit. */
export type UnitDecisions = Readonly<Record<string, number | null>>;

/** 疑似重复 choices by row key: merge into the existing item, keep as new, or skip (add and change nothing). */
export type DuplicateDecisions = Readonly<Record<string, 'merge' | 'new' | 'skip'>>;
