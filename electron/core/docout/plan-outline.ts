import type { Database } from 'better-sqlite3';
import type { PlanDocInput, PlanDocOutline, PlanDocPart, PlanDocTask } from '../../../shared/contract/schemas/docout';
import { chineseNumber } from '../services/bulletin-numbering';
import { chineseDate } from '../exchange/doc-format';
import { TITLE_PER_LINE, titleLines } from '../docx/title-lines';

interface ItemRow {
  id: number;
  plan_id: number | null;
  plan_title: string | null;
  section_id: number | null;
  section_name: string | null;
  title: string;
  content: string;
  deadline_text: string;
  deadline_date: string | null;
}

interface UnitRow {
  item_id: number;
  role: 'lead' | 'resp' | 'coop';
  name: string;
}

/** Local (本级) items in the order of the plans and sections, each after its upper item's place. */
function localItems(db: Database): ItemRow[] {
  return db
    .prepare<[], ItemRow>(
      `SELECT i.id, i.plan_id, p.title AS plan_title, i.section_id, s.name AS section_name, i.title, i.content, i.deadline_text, i.deadline_date
       FROM items i
       LEFT JOIN plans p ON p.id = i.plan_id
       LEFT JOIN sections s ON s.id = i.section_id
       LEFT JOIN items up ON up.id = i.upper_item_id
       WHERE i.origin = 'local'
       ORDER BY p.id IS NULL, p.sort, p.id, s.id IS NOT NULL, s.sort, s.id, coalesce(up.seq, i.seq), i.id`,
    )
    .all();
}

function unitsByItem(db: Database): Map<number, UnitRow[]> {
  const rows = db
    .prepare<[], UnitRow>(
      `SELECT iu.item_id, iu.role, u.name FROM item_units iu JOIN units u ON u.id = iu.unit_id
       JOIN items i ON i.id = iu.item_id AND i.origin = 'local' ORDER BY iu.item_id, iu.sort, u.sort, u.id`,
    )
    .all();
  const map = new Map<number, UnitRow[]>();
  for (const r of rows) map.set(r.item_id, [...(map.get(r.item_id) ?? []), r]);
  return map;
}

/** Section names carry their own （一）/(二) numbering; the document renumbers them. */
export function stripNumbering(name: string): string {
  return name.replace(/^\s*[（(][一二三四五六七八九十百]+[）)]\s*/, '').replace(/^\s*[一二三四五六七八九十百]+、\s*/, '').trim();
}

/** A plan as a part heading: 内需扩量提效攻坚实施方案 → 内需扩量提效攻坚. */
export function partName(planTitle: string): string {
  return planTitle.replace(/(实施方案|工作方案|行动方案|方案)$/, '') || planTitle;
}

/**
 * The units in the seed's own words: （A、B牵头，C、D等按职责分工负责）, （A牵头）, （C、D等按职责分工负责）,
 * with the deadline after a semicolon (（完成时限：…） alone when no unit is set).
 */
export function unitsPhrase(lead: readonly string[], others: readonly string[], deadline: string): string {
  const parts: string[] = [];
  if (lead.length) parts.push(`${lead.join('、')}牵头`);
  if (others.length) parts.push(`${others.join('、')}等按职责分工负责`);
  const units = parts.join('，');
  const when = deadline ? `完成时限：${deadline}` : '';
  const inner = [units, when].filter(Boolean).join('；');
  return inner ? `（${inner}）` : '';
}

function taskOf(item: ItemRow, no: number, units: readonly UnitRow[]): PlanDocTask {
  const lead = units.filter((u) => u.role === 'lead').map((u) => u.name);
  const others = [...new Set(units.filter((u) => u.role !== 'lead').map((u) => u.name))].filter((n) => !lead.includes(n));
  const deadline = item.deadline_text.trim() || (item.deadline_date ? chineseDate(item.deadline_date) : '');
  const body = (item.content.trim() || item.title.trim()).replace(/\s*\n\s*/g, '');
  const ended = /[。！？；.]$/.test(body) ? body : `${body}。`;
  return { itemId: item.id, no, title: item.title.trim(), text: `${no}.${ended}${unitsPhrase(lead, others, deadline)}`, lead, others, deadline };
}

/** Groups the local items into parts (一、 per plan) and sections (（一）), tasks numbered 1. 2. … within each part. */
function groupParts(items: readonly ItemRow[], units: Map<number, UnitRow[]>): PlanDocPart[] {
  const parts: PlanDocPart[] = [];
  let lastSection: number | null | undefined;
  for (const item of items) {
    const planId = item.plan_id ?? 0;
    let part = parts[parts.length - 1];
    if (!part || part.planId !== planId) {
      part = { planId, heading: `${chineseNumber(parts.length + 1)}、${item.plan_title ? partName(item.plan_title) : '其他任务'}`, sections: [] };
      parts.push(part);
      lastSection = undefined;
    }
    if (lastSection !== item.section_id || !part.sections.length) {
      const named = part.sections.filter((s) => s.heading).length;
      const heading = item.section_name ? `（${chineseNumber(named + 1)}）${stripNumbering(item.section_name)}` : '';
      part.sections.push({ heading, tasks: [] });
      lastSection = item.section_id;
    }
    const no = part.sections.reduce((n, s) => n + s.tasks.length, 0) + 1;
    part.sections[part.sections.length - 1].tasks.push(taskOf(item, no, units.get(item.id) ?? []));
  }
  return parts;
}

/** What the 落实方案 will say: the chosen plans' local items, grouped and worded for the document. */
export function planOutline(db: Database, input: PlanDocInput): PlanDocOutline {
  const chosen = input.planIds === null ? null : new Set(input.planIds);
  const items = localItems(db).filter((i) => chosen === null || chosen.has(i.plan_id ?? 0));
  const parts = groupParts(items, unitsByItem(db));
  const title = input.title.trim();
  return {
    title,
    titleLines: titleLines(title, TITLE_PER_LINE),
    preface: input.preface,
    parts,
    taskCount: items.length,
    attachmentTitle: `${title}重点任务清单`,
  };
}
