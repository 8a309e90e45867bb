import { memoize } from './memo';
import { normalizeDigitsAndLetters } from './text-normalize';

/** How a unit cell's units take part: 牵头 (lead), 负责 (resp, 按职责分工负责) or 配合 (coop). */
export type UnitRole = 'lead' | 'resp' | 'coop';

export interface ParsedUnitCell {
  lead: string[];
  resp: string[];
  coop: string[];
  /** True when the cell says 按职责分工负责 with no 牵头 unit: the units share the task (joint). */
  joint: boolean;
}

const SEPARATORS = /[、，,；;/／|｜\r\n\u2028\u3000]+/;
/** A trailing 等 / 等单位 / 等部门 (and role words) is the plan's way of ending a list. */
const TRAILING_ROLE =
  /(?:等?(?:按职责分工负责|按职能分工负责|按职责负责|按职责分工|分工负责|分别牵头|共同牵头|牵头负责|为牵头单位|牵头|负责|配合|参与|协同|落实)|等(?:单位|部门|成员单位|相关单位|相关部门)?|[（(](?:牵头|配合|负责)[)）])$/;
const EMPTY_MARKS = /^(?:无|暂无|\/|-|—|－|\\|待定|null)$/i;

/**
 * Splits a unit list on 、，,；;/ and line breaks, strips a trailing 等 and role words
 * (牵头, 负责, 配合, 按职责分工负责 …) and drops empties and 无 / — placeholders. Order kept,
 * duplicates removed.
 */
export function splitUnits(text: string | null | undefined): string[] {
  if (!text) return [];
  const units: string[] = [];
  for (const part of text.split(SEPARATORS)) {
    const name = stripRoleWords(part);
    if (name !== '' && !EMPTY_MARKS.test(name) && !units.includes(name)) units.push(name);
  }
  return units;
}

function stripRoleWords(part: string): string {
  let name = normalizeDigitsAndLetters(part).replace(/\s+/g, '');
  for (let guard = 0; guard < 4; guard += 1) {
    const next = name.replace(TRAILING_ROLE, '').trim();
    if (next === name) break;
    name = next;
  }
  return name.replace(/^(?:由|请)/, '');
}

const LABELLED = /(牵头单位|牵头部门|责任单位|责任部门|负责单位|配合单位|配合部门|协同单位|协办单位|参与单位)\s*[:：]/;
const JOINT_PHRASE = /按职[责能]分工负责|按职责负责|分工负责|共同负责/;
const LEAD_CLAUSE = /^(.*?)(?:分别牵头|共同牵头|牵头负责|牵头)(?:[，,；;。]|$)/s;

/**
 * Reads one unit cell into roles:
 * - "牵头单位：X；配合单位：Y" (labels) → lead X, coop Y;
 * - "X、Y牵头，Z等按职责分工负责" → lead X Y, coop Z;
 * - "X、Y等按职责分工负责" → resp X Y, joint;
 * - "X、Y分别牵头" / "X牵头负责" → lead X Y;
 * - "X（牵头）、Y" → lead X, and Y in the default role;
 * - a plain list → every unit in `defaultRole` (the column's role).
 */
export function parseUnitCell(text: string | null | undefined, defaultRole: UnitRole = 'lead'): ParsedUnitCell {
  if (!text || text.trim() === '') return { lead: [], resp: [], coop: [], joint: false };
  const parsed = parsedCells(`${defaultRole}\u0001${text}`);
  // A fresh copy: callers may change what they get.
  return { lead: [...parsed.lead], resp: [...parsed.resp], coop: [...parsed.coop], joint: parsed.joint };
}

const parsedCells = memoize((key: string): ParsedUnitCell => {
  const split = key.indexOf('\u0001');
  return parseCell(key.slice(split + 1), key.slice(0, split) as UnitRole);
});

function parseCell(text: string, defaultRole: UnitRole): ParsedUnitCell {
  const result: ParsedUnitCell = { lead: [], resp: [], coop: [], joint: false };
  const cell = normalizeDigitsAndLetters(text).trim();
  if (LABELLED.test(cell)) return parseLabelled(cell);
  const leadClause = LEAD_CLAUSE.exec(cell);
  if (leadClause && !/[（(]牵头[)）]/.test(cell)) {
    result.lead = splitUnits(leadClause[1]);
    const rest = cell.slice(leadClause[0].length);
    addUnits(result, splitUnits(rest), defaultRole === 'resp' ? 'resp' : 'coop');
    return result;
  }
  const joint = JOINT_PHRASE.test(cell);
  const role: UnitRole = joint && defaultRole === 'lead' ? 'resp' : defaultRole;
  for (const part of cell.split(SEPARATORS)) {
    const units = splitUnits(part);
    addUnits(result, units, /[(（]牵头[)）]/.test(part) ? 'lead' : role);
  }
  result.joint = joint && result.lead.length === 0 && role === 'resp';
  return result;
}

function parseLabelled(cell: string): ParsedUnitCell {
  const result: ParsedUnitCell = { lead: [], resp: [], coop: [], joint: false };
  const parts = cell.split(LABELLED);
  // split with one capture group gives [before, label, text, label, text, …]
  for (let i = 1; i < parts.length; i += 2) {
    addUnits(result, splitUnits(parts[i + 1]), roleOfLabel(parts[i]));
  }
  return result;
}

function roleOfLabel(label: string): UnitRole {
  if (label.startsWith('牵头')) return 'lead';
  if (/^(?:责任|负责)/.test(label)) return 'resp';
  return 'coop';
}

function addUnits(result: ParsedUnitCell, units: readonly string[], role: UnitRole): void {
  for (const unit of units) {
    if (!result[role].includes(unit)) result[role].push(unit);
  }
}

/** True for 按职责分工负责 / 按职能分工负责 / 分工负责 / 共同负责 (the units share the task). */
export function isJointPhrase(text: string | null | undefined): boolean {
  return text ? JOINT_PHRASE.test(text) : false;
}

/**
 * Words that stand for a group of units, not one unit: 各行业主管部门, 各市州人民政府, 有关单位,
 * 省直相关部门, 领导小组成员单位. They are no entry of the unit directory and get no template.
 */
const UNIT_PHRASE = /^(?:各|有关|相关|其他|其它|其余)|(?:有关|相关|其他|各)(?:单位|部门|方面)$|成员单位$/;

export function isUnitPhrase(name: string): boolean {
  return UNIT_PHRASE.test(name.replace(/\s+/g, ''));
}
