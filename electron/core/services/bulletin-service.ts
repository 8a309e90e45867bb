import { LaggingChoiceSchema, type Bulletin, type BulletinDraft, type BulletinDraftInput, type BulletinPeriod, type LaggingChoice } from '../../../shared/contract/schemas/bulletins';
import { localDate, type CoreContext } from '../context';
import { createSettingsRepository } from '../repositories/settings-repository';
import { bulletinContent, type BulletinContent } from './bulletin-content';
import { gatherBulletinFacts, loadPeriod } from './bulletin-facts';
import { writeBulletin } from './bulletin-text';
import { createHistory } from './history';

interface BulletinRow {
  period_id: number;
  body: string;
  drafted_at: string;
  updated_at: string;
}

/** The title every bulletin carries: 2025年第5期调度通报. */
export function bulletinTitle(periodName: string): string {
  return `${periodName}调度通报`;
}

/** Where a period's lagging-items choice is kept (settings, so no schema change). */
const choiceKey = (periodId: number) => `bulletin.lagging.${periodId}`;

function keptChoice(db: CoreContext['db'], periodId: number): LaggingChoice | null {
  const parsed = LaggingChoiceSchema.safeParse(createSettingsRepository(db).getJson<unknown>(choiceKey(periodId)));
  return parsed.success ? parsed.data : null;
}

/** 调度通报: draft from data, keep one per period. */
export function createBulletinService(ctx: CoreContext) {
  const db = () => ctx.db;

  function periods(): BulletinPeriod[] {
    const rows = db()
      .prepare<[], { id: number; name: string; kind: string; start_date: string; end_date: string; due_date: string; closed: number; updated_at: string | null }>(
        'SELECT p.*, b.updated_at FROM periods p LEFT JOIN bulletins b ON b.period_id = p.id ORDER BY p.start_date DESC, p.id DESC',
      )
      .all();
    return rows.map((p) => ({
      id: p.id,
      name: p.name,
      kind: p.kind,
      startDate: p.start_date,
      endDate: p.end_date,
      dueDate: p.due_date,
      closed: p.closed === 1,
      bulletinUpdatedAt: p.updated_at,
    }));
  }

  /** Writes a fresh draft from the period's data; nothing is stored until `save`. */
  function draft({ periodId, laggingLimit, laggingIds }: BulletinDraftInput): BulletinDraft {
    const period = loadPeriod(db(), periodId);
    const today = localDate(ctx.now());
    const facts = gatherBulletinFacts(db(), periodId, today);
    const office = createSettingsRepository(db()).office().name || '本办';
    const body = writeBulletin(facts, { startDate: period.start_date, endDate: period.end_date, laggingLimit, laggingIds }, office, today);
    return { periodId, title: bulletinTitle(period.name), body, facts };
  }

  function get(periodId: number): Bulletin | null {
    const period = loadPeriod(db(), periodId);
    const r = db().prepare<[number], BulletinRow>('SELECT * FROM bulletins WHERE period_id = ?').get(periodId);
    if (!r) return null;
    return { periodId, periodName: period.name, title: bulletinTitle(period.name), body: r.body, draftedAt: r.drafted_at, updatedAt: r.updated_at, lagging: keptChoice(db(), periodId) };
  }

  /** Keeps the (edited) bulletin of a period, replacing the one kept before. */
  function save(periodId: number, body: string, lagging?: LaggingChoice): Bulletin {
    loadPeriod(db(), periodId);
    const at = ctx.now().toISOString();
    const before = get(periodId);
    db().transaction(() => {
      db()
        .prepare(
          `INSERT INTO bulletins(period_id, body, drafted_at, updated_at) VALUES (?, ?, ?, ?)
           ON CONFLICT(period_id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at`,
        )
        .run(periodId, body, at, at);
      if (lagging) createSettingsRepository(db()).setJson(choiceKey(periodId), lagging);
      createHistory(db()).record(
        [{ entity: 'bulletin', entityId: periodId, action: before ? 'update' : 'create', field: 'body', before: before?.body ?? null, after: body }],
        createSettingsRepository(db()).settings().operator,
        at,
      );
    })();
    return get(periodId)!;
  }

  /** The saved draft (else a fresh one) as structured content, for the .docx writer. */
  function content(periodId: number): BulletinContent {
    const kept = get(periodId);
    const d = kept ?? draft({ periodId });
    return bulletinContent(d.title, d.body);
  }

  return { periods, draft, get, save, content };
}
