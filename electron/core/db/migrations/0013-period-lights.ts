import type { Database } from 'better-sqlite3';

/**
 * The 汇总表's lights kept per period, so no page and no light filter judges lights per request:
 * - period_items.light / reason: the item's light in that period as the table shows it (the period's
 *   snapshot, else judged as of the period's end or today), '' while it waits to be (re)judged;
 *   period-lights.ts judges what waits before a read (and ahead, after midnight), as kept-lights.ts
 *   does for item_lights;
 * - period_light_counts: the rows counted per period, kind, status, light and reported or not
 *   (replaces period_item_counts: the light filter's totals are read, not counted);
 * - period_light_state: per period, the date its lights are judged as of, whether all of them wait
 *   (pending; upto: a pass ahead has judged the items up to that id) and the last dirty mark seen;
 * - period_lights_log: every dirty mark of 0003 (lights_dirty, which item_lights consumes) logged for
 *   the periods, each reading on from the last mark it saw.
 * What makes a whole period wait: a change of settings, of a period at or before it, or of the
 * templates of such a period (the window a light looks back over). A snapshot row sets its light at once.
 */
const LEVELS = `('bad', 'warn', 'good', 'done')`;

const bump = (row: 'new' | 'old', by: number) => `
  INSERT INTO period_light_counts(period_id, kind, status, light, reported, n) VALUES (${row}.period_id, ${row}.kind, ${row}.status, ${row}.light, ${row}.reports > 0, ${by})
    ON CONFLICT(period_id, kind, status, light, reported) DO UPDATE SET n = n + excluded.n;`;

/** Every period at or after the one (start date, id) names waits for its lights to be judged again. */
const waitFrom = (start: string, id: string) => `
  UPDATE period_light_state SET pending = 1, upto = 0
    WHERE period_id IN (SELECT p.id FROM periods p WHERE (p.start_date, p.id) >= (${start}, ${id}));`;

const fromTemplate = (row: 'new' | 'old') =>
  waitFrom(`(SELECT start_date FROM periods WHERE id = ${row}.period_id)`, `${row}.period_id`);

const snapshotSets = (row: 'new' | 'old', light: string) => `
  UPDATE period_items SET light = ${light}, reason = ${row}.reason WHERE period_id = ${row}.period_id AND item_id = ${row}.item_id;`;

const SCHEMA = `
  ALTER TABLE period_items ADD COLUMN light TEXT NOT NULL DEFAULT '';
  ALTER TABLE period_items ADD COLUMN reason TEXT NOT NULL DEFAULT '';
  DROP TRIGGER period_counts_ai;
  DROP TRIGGER period_counts_ad;
  DROP TRIGGER period_counts_au;
  DROP TABLE period_item_counts;
  CREATE TABLE period_light_counts (
    period_id INTEGER NOT NULL, kind TEXT NOT NULL, status TEXT NOT NULL, light TEXT NOT NULL, reported INTEGER NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (period_id, kind, status, light, reported)
  ) STRICT, WITHOUT ROWID;
  INSERT INTO period_light_counts(period_id, kind, status, light, reported, n)
    SELECT period_id, kind, status, light, reports > 0, count(*) FROM period_items GROUP BY 1, 2, 3, 4, 5;
  CREATE INDEX period_items_light ON period_items(period_id, kind, light, status, seq, item_id);
  CREATE TABLE period_light_state (
    period_id INTEGER PRIMARY KEY,
    as_of TEXT NOT NULL,
    pending INTEGER NOT NULL,
    upto INTEGER NOT NULL,
    seen INTEGER NOT NULL
  ) STRICT;
  CREATE TABLE period_lights_log (seq INTEGER PRIMARY KEY AUTOINCREMENT, item_id INTEGER NOT NULL) STRICT;
`;

const TRIGGERS = `
  CREATE TRIGGER period_light_counts_ai AFTER INSERT ON period_items BEGIN ${bump('new', 1)} END;
  CREATE TRIGGER period_light_counts_ad AFTER DELETE ON period_items BEGIN ${bump('old', -1)} END;
  CREATE TRIGGER period_light_counts_au AFTER UPDATE ON period_items
    WHEN old.period_id IS NOT new.period_id OR old.kind IS NOT new.kind OR old.status IS NOT new.status OR old.light IS NOT new.light
      OR (old.reports > 0) IS NOT (new.reports > 0) BEGIN ${bump('old', -1)} ${bump('new', 1)} END;

  CREATE TRIGGER period_lights_dirty AFTER INSERT ON lights_dirty BEGIN INSERT INTO period_lights_log(item_id) VALUES (new.item_id); END;

  CREATE TRIGGER period_lights_snap_ai AFTER INSERT ON light_snapshots BEGIN
    ${snapshotSets('new', `CASE WHEN new.light IN ${LEVELS} THEN new.light ELSE '' END`)} END;
  CREATE TRIGGER period_lights_snap_au AFTER UPDATE ON light_snapshots BEGIN
    ${snapshotSets('old', "''")} ${snapshotSets('new', `CASE WHEN new.light IN ${LEVELS} THEN new.light ELSE '' END`)} END;
  CREATE TRIGGER period_lights_snap_ad AFTER DELETE ON light_snapshots BEGIN ${snapshotSets('old', "''")} END;

  CREATE TRIGGER period_lights_periods_ai AFTER INSERT ON periods BEGIN ${waitFrom('new.start_date', 'new.id')} END;
  CREATE TRIGGER period_lights_periods_au AFTER UPDATE ON periods BEGIN
    ${waitFrom('old.start_date', 'old.id')} ${waitFrom('new.start_date', 'new.id')} END;
  CREATE TRIGGER period_lights_periods_ad AFTER DELETE ON periods BEGIN
    DELETE FROM period_light_state WHERE period_id = old.id; ${waitFrom('old.start_date', 'old.id')} END;

  CREATE TRIGGER period_lights_templates_ai AFTER INSERT ON issued_templates BEGIN ${fromTemplate('new')} END;
  CREATE TRIGGER period_lights_templates_au AFTER UPDATE ON issued_templates BEGIN ${fromTemplate('old')} ${fromTemplate('new')} END;
  CREATE TRIGGER period_lights_templates_ad AFTER DELETE ON issued_templates BEGIN ${fromTemplate('old')} END;
`;

export function up(db: Database): void {
  db.exec(SCHEMA);
  db.exec(TRIGGERS);
  for (const [op, ev] of [['ai', 'INSERT'], ['au', 'UPDATE'], ['ad', 'DELETE']]) {
    db.exec(`CREATE TRIGGER period_lights_settings_${op} AFTER ${ev} ON settings BEGIN UPDATE period_light_state SET pending = 1, upto = 0 WHERE pending = 0 OR upto > 0; END;`);
  }
}
