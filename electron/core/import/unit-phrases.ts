import { isUnitPhrase } from '../parse/unit-list';
import type { DraftItem } from './draft';
import type { ImportSet } from './import-set';

const ROLE_LABELS = { lead: '牵头', resp: '负责', coop: '配合' } as const;
const ROLES = ['lead', 'resp', 'coop'] as const;

/**
 * A row's unit lists without phrases such as 各行业主管部门 or 有关单位 (they name no unit: no
 * directory entry, no template), which stay on the item as written, in its note: 配合：各行业主管部门.
 */
export function setAsidePhrases(d: DraftItem): DraftItem {
  if (!ROLES.some((r) => d[r].some(isUnitPhrase))) return d;
  const out: DraftItem = { ...d };
  const lines: string[] = [];
  for (const role of ROLES) {
    const phrases = d[role].filter(isUnitPhrase);
    if (phrases.length === 0) continue;
    out[role] = d[role].filter((n) => !isUnitPhrase(n));
    lines.push(`${ROLE_LABELS[role]}：${phrases.join('、')}`);
  }
  const kept = (d.note ?? '').split('\n').filter((l) => l !== '' && !lines.includes(l));
  out.note = [...kept, ...lines].join('\n');
  return out;
}

/** The set with every row's unit phrases set aside, and plans' 专班 members without them (idempotent). */
export function withoutUnitPhrases(set: ImportSet): ImportSet {
  const items = set.items.map(setAsidePhrases);
  const phraseMembers = set.plans.some((p) => p.members?.some(isUnitPhrase));
  if (!phraseMembers && items.every((d, i) => d === set.items[i])) return set;
  const plans = !phraseMembers ? set.plans : set.plans.map((p) => (p.members ? { ...p, members: p.members.filter((m) => !isUnitPhrase(m)) } : p));
  return { ...set, plans, items };
}
