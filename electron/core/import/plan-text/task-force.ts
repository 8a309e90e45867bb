import { splitUnitList } from './unit-parentheses';

/** The 工作专班 of a plan, read from its 三、推进机制 text. */
export interface TaskForce {
  convener: string;
  deputyConveners: string;
  members: string[];
  officeAt: string;
}

const CONVENER_RE = /由([^，,。；\n]+?)(?:担任|任)召集人/;
const DEPUTY_RE = /([^，,。；\n]+?)(?:担任|任)副召集人/;
/** 成员单位包括 A、B、C等，专班办公室设在 … (attachments 1–6). */
const MEMBERS_INCLUDE_RE = /成员单位(?:包括|为|有)[:：]?([^，,。；\n]+)/;
/** 副召集人，A、B、C等为成员单位 (attachment 7). */
const MEMBERS_ARE_RE = /[，,]([^，,。；\n]+?)为成员单位/;
const OFFICE_RE = /办公室设在([^，,。；\n]+)/;

/**
 * Reads convener, deputy conveners, member units and the office's host unit from the text of a
 * plan's 推进机制 part, e.g. "由省政府副秘书长或省政府办公厅副主任担任召集人，省发展改革委、
 * 省商务厅主要负责人任副召集人，成员单位包括…等，专班办公室设在省发展改革委". Missing parts are ''.
 */
export function parseTaskForce(text: string): TaskForce {
  const members = MEMBERS_INCLUDE_RE.exec(text) ?? MEMBERS_ARE_RE.exec(text);
  return {
    convener: CONVENER_RE.exec(text)?.[1].trim() ?? '',
    deputyConveners: DEPUTY_RE.exec(text)?.[1].trim() ?? '',
    members: members ? splitUnitList(members[1]) : [],
    officeAt: OFFICE_RE.exec(text)?.[1].trim() ?? '',
  };
}
