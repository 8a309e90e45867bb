import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/contract/errors';
import type { Target } from '../../../shared/contract/schemas/items';
import type { UpperChain } from '../../../shared/contract/schemas/counterparts';
import { formatTarget } from '../targets/ratio';
import { listCodeSql } from '../repositories/list-codes';

type Step = UpperChain['steps'][number];
interface TargetRow { label: string; comparator: Target['comparator']; value: number; unit: string; raw_text: string }

const unitsOf = (role: string) =>
  `coalesce((SELECT group_concat(u.name, '、' ORDER BY iu.sort) FROM item_units iu JOIN units u ON u.id = iu.unit_id WHERE iu.item_id = i.id AND iu.role = '${role}'), '')`;

function targets(db: Database, itemId: number, scope: 'own' | 'upper'): Step['targets'] {
  return db
    .prepare<[number, string], TargetRow>('SELECT label, comparator, value, unit, raw_text FROM item_targets WHERE item_id = ? AND scope = ? ORDER BY sort, id')
    .all(itemId, scope)
    .map((t) => ({ label: t.label, display: t.raw_text || formatTarget(t.comparator, t.value, t.unit) }));
}

/**
 * Who issued an upper item when the link does not say: the place its plan is named after
 * (湖南省实施…方案 → 湖南省, 岳阳市落实…方案 → 岳阳市), else 上级.
 */
function issuerOf(db: Database, id: number): string {
  const title = db.prepare<[number], { title: string }>('SELECT p.title FROM items i JOIN plans p ON p.id = i.plan_id WHERE i.id = ?').get(id)?.title ?? '';
  return /^(.{2,8}?(?:自治区|自治州|省|市|州|县|区))/.exec(title)?.[1] ?? '上级';
}

function step(db: Database, id: number, office: string): Step {
  const r = db
    .prepare<[number], { id: number; code: string; title: string; deadline_text: string; lead: string; resp: string; coop: string }>(
      `SELECT i.id, ${listCodeSql('i')} AS code, i.title, i.deadline_text, ${unitsOf('lead')} AS lead, ${unitsOf('resp')} AS resp, ${unitsOf('coop')} AS coop FROM items i WHERE i.id = ?`,
    )
    .get(id);
  if (!r) throw new AppError('not_found', `条目（编号 ${id}）不存在`);
  return { itemId: r.id, code: r.code, title: r.title, office, lead: r.lead, resp: r.resp, coop: r.coop, deadlineText: r.deadline_text, targets: targets(db, id, 'own') };
}

/**
 * An item's chain of upper items, top first (省 → 市州 → 本级): each upper link followed up, the
 * first link of each level (an item localising two sources shows the nearer one's chain first).
 */
export function upperChain(db: Database, itemId: number): UpperChain {
  const links = db.prepare<[number], { upper_item_id: number; upper_office: string }>(
    'SELECT upper_item_id, upper_office FROM item_upper_links WHERE item_id = ? ORDER BY created_at DESC, upper_item_id',
  );
  const steps: Step[] = [step(db, itemId, '本级')];
  const seen = new Set([itemId]);
  let at = itemId;
  for (let depth = 0; depth < 6; depth++) {
    const up = links.all(at).find((l) => !seen.has(l.upper_item_id));
    if (!up) break;
    seen.add(up.upper_item_id);
    steps.unshift(step(db, up.upper_item_id, up.upper_office || issuerOf(db, up.upper_item_id)));
    at = up.upper_item_id;
  }
  return { steps, upperTargets: targets(db, itemId, 'upper') };
}
