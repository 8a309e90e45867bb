import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlanText } from '../../../electron/core/import/plan-text/parse-plan-text';
import { parseNumbering } from '../../../electron/core/parse/text-normalize';
import { RESOURCES } from '../helpers';
import { workbookOf } from './sample-variants';

export const SEED_TEXT = readFileSync(join(RESOURCES, 'seed-plan.txt'), 'utf8');

/** How the province's list may name a plan in its 攻坚方向 column: campaign, bare direction, or the full title in 《》. */
const DIRECTION = [(c: string) => c, (c: string) => c.replace(/攻坚$/, ''), (c: string) => `《${c}实施方案》`];

export const PROVINCE_HEADERS = ['序号', '攻坚方向', '重点任务', '具体内容', '省领导', '牵头单位', '配合单位', '完成时限'];

/**
 * The province's own task list as a workbook: the seed plan's tasks in one sheet, numbered 3-1
 * (section, then item), filed by a 攻坚方向 column (written three ways), with a 省领导 column.
 * `edit` may change rows (after the title and header) before the workbook is written.
 */
export function provinceList(edit: (rows: (string | number)[][]) => void = () => {}): Uint8Array<ArrayBuffer> {
  const items = parsePlanText(SEED_TEXT).items;
  const plans = [...new Set(items.map((d) => d.campaign))];
  const rows = items.map((d) => {
    const p = plans.indexOf(d.campaign);
    const s = d.section ? (parseNumbering(d.section)?.value ?? 0) : 0;
    const g = d.group ? parseNumbering(d.group)?.value : undefined;
    const code = g === undefined ? `${s}-${d.no}` : `${s}-${g}-${d.no}`;
    const lead = d.kind === 'joint' ? `${d.resp.join('、')}按职责分工负责` : d.lead.join('、');
    return [code, DIRECTION[p % 3](d.campaign), d.title, d.content, `省领导${p + 1}`, lead, d.coop.join('、'), d.deadlineText ?? ''];
  });
  edit(rows);
  return workbookOf({ 任务清单: [['湖南省“七大攻坚”重点任务清单'], PROVINCE_HEADERS, ...rows] });
}
