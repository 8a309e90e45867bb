/**
 * The trailing unit clause of a plan task, e.g.
 * （省人力资源社会保障厅牵头，省发展改革委、省商务厅等按职责分工负责）, and unit lists in general.
 */

/** Lead / responsible / cooperating units read from one clause. */
export interface UnitRoles {
  lead: string[];
  resp: string[];
  coop: string[];
  kind: 'lead' | 'joint';
}

const OPEN = new Set(['（', '(']);
const CLOSE = new Set(['）', ')']);
const LIST_SEPARATORS = /[、，,；;／/\r\n]+/;
const LABEL_RE = /^(牵头单位|牵头部门|责任单位|责任部门|配合单位|配合部门)[:：]/;
/** "等按职责分工负责", "按职能分工负责", "分别负责", "负责" at the end of a unit list. */
const RESP_TAIL_RE = /等?(?:按(?:职责|职能)(?:分工)?|分别|共同)?(?:负责|配合)$/;
const SPACES_RE = /[\s\u3000]+/g;

/**
 * Splits a unit list on 、，,；;/ and line breaks; trims (full-width spaces too), drops a trailing
 * 等 and empty entries. "省发展改革委、省商务厅等" → ["省发展改革委", "省商务厅"].
 */
export function splitUnitList(text: string): string[] {
  return text
    .split(LIST_SEPARATORS)
    .map((part) => part.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '').replace(/等$/, ''))
    .map((part) => part.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''))
    .filter((part) => part !== '');
}

/** True when the text (inside parentheses or not) names units: 牵头 / 负责 / 牵头单位：. */
export function looksLikeUnitClause(inner: string): boolean {
  return LABEL_RE.test(inner.replace(SPACES_RE, '')) || /牵头|负责/.test(inner);
}

/** A line that is nothing but a unit clause: "（牵头单位：省生态环境厅）". */
export function isUnitClauseLine(line: string): boolean {
  const m = /^[（(]([^（）()]*)[）)]$/.exec(line.trim());
  return m !== null && looksLikeUnitClause(m[1]);
}

/**
 * Cuts the trailing parenthesised unit clause off a paragraph. Parentheses may be of either width
 * and even mixed （…), as PDF extraction leaves them. Returns the clause's inner text, or null
 * when the paragraph does not end in a unit clause.
 */
export function cutTrailingClause(body: string): { before: string; clause: string | null } {
  const text = body.replace(/[。.\s\u3000]+$/, '');
  if (!CLOSE.has(text[text.length - 1] ?? '')) return { before: body.trim(), clause: null };
  let depth = 0;
  for (let i = text.length - 1; i >= 0; i -= 1) {
    if (CLOSE.has(text[i])) depth += 1;
    else if (OPEN.has(text[i])) depth -= 1;
    if (depth === 0) {
      const inner = text.slice(i + 1, -1);
      if (!looksLikeUnitClause(inner)) break;
      return { before: text.slice(0, i).trim(), clause: inner };
    }
  }
  return { before: body.trim(), clause: null };
}

/**
 * Reads the units of a clause (its inner text):
 * - X牵头，Y等按职责分工负责 / X、Y分别牵头，… / X牵头负责 / X牵头 → lead X, coop Y, kind 'lead';
 * - 牵头单位：X (also 责任单位：/配合单位：, separated by ；) → by label;
 * - X、Y等按职责分工负责 / X负责 (no 牵头) → resp, kind 'joint'.
 */
export function parseUnitClause(clause: string): UnitRoles {
  const text = clause.replace(SPACES_RE, '');
  if (LABEL_RE.test(text)) return parseLabelled(text);
  const at = text.indexOf('牵头');
  if (at >= 0) {
    const leadPart = text.slice(0, at).replace(/(分别|共同|负责)$/, '');
    const rest = text
      .slice(at + 2)
      .replace(/^负责/, '')
      .replace(/^[，,；;]/, '');
    return {
      lead: splitUnitList(leadPart),
      resp: [],
      coop: splitUnitList(rest.replace(RESP_TAIL_RE, '')),
      kind: 'lead',
    };
  }
  return { lead: [], resp: splitUnitList(text.replace(RESP_TAIL_RE, '')), coop: [], kind: 'joint' };
}

function parseLabelled(text: string): UnitRoles {
  const roles: UnitRoles = { lead: [], resp: [], coop: [], kind: 'lead' };
  for (const segment of text.split(/[；;]|[，,](?=(?:牵头|责任|配合)(?:单位|部门)[:：])/)) {
    const m = LABEL_RE.exec(segment);
    if (!m) continue;
    const units = splitUnitList(segment.slice(m[0].length));
    if (m[1].startsWith('牵头')) roles.lead.push(...units);
    else if (m[1].startsWith('责任')) roles.resp.push(...units);
    else roles.coop.push(...units);
  }
  if (roles.lead.length === 0) roles.kind = 'joint';
  return roles;
}
