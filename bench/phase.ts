/**
 * One measured run in its own process (clean memory numbers): `baseline`, the real floor of an
 * import (SheetJS parse alone + plain prepared inserts into the app's schema with every trigger
 * dropped + one build of both search indexes at the end, all in one transaction), or `import` (the
 * app's pipeline: worker parse, compare with the database and apply as one batch, all in the import
 * worker). Prints one JSON line.
 */
import * as XLSX from '@e965/xlsx';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { indexCharsAfter } from '../electron/core/db/char-search';
import { openDatabase } from '../electron/core/db/open-database';
import { createAppImport } from './app-import';
import { createLaps } from './measure';

const { lap, markIdle, print } = createLaps();

function baseline(bytes: Uint8Array, dbPath: string): number {
  const wb = XLSX.read(bytes, { type: 'array', dense: true });
  lap('parse');
  const db = openDatabase(dbPath);
  const at = new Date().toISOString();
  let n = 0;
  db.transaction(() => {
    // No trigger: neither the per-row search-index writes nor the lights' dirty marks.
    for (const t of db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").pluck().all() as string[]) db.exec(`DROP TRIGGER ${t}`);
    const item = db.prepare(
      "INSERT INTO items(uid, kind, code, seq, title, content, deadline_text, note, origin, created_at, updated_at) VALUES (?, 'task', ?, ?, ?, ?, ?, ?, 'upper', ?, ?)",
    );
    const unit = db.prepare('INSERT INTO units(name, created_at, updated_at) VALUES (?, ?, ?)');
    const link = db.prepare('INSERT OR IGNORE INTO item_units(item_id, unit_id, role, sort) VALUES (?, ?, ?, ?)');
    const units = new Map<string, number>();
    const unitId = (name: string) => units.get(name) ?? units.set(name, Number(unit.run(name, at, at).lastInsertRowid)).get(name)!;
    for (const name of wb.SheetNames) {
      for (const row of wb.Sheets[name]['!data'] ?? []) {
        const v = Array.from({ length: 7 }, (_, i) => (row?.[i]?.v === undefined ? '' : String(row[i]!.v)));
        if (!/^\d+$/.test(v[0] ?? '')) continue;
        const id = Number(item.run(randomUUID(), v[0], ++n, v[1], v[2], v[5], v[6], at, at).lastInsertRowid);
        v[3].split('、').forEach((u, i) => u && link.run(id, unitId(u), 'lead', i));
        v[4].split('、').forEach((u, i) => u && link.run(id, unitId(u), 'coop', i));
      }
    }
    lap('insert');
    // One build of each search index: the trigram index from its content table, the 1–2 character one.
    db.exec("INSERT INTO items_fts(items_fts) VALUES ('rebuild')");
    indexCharsAfter(db, 0);
  })();
  db.close();
  lap('index');
  return n;
}

/** The app's import workers: the worker reads the file, compares and writes on its own connection. */
const { workers, run: pipeline } = createAppImport(lap, 'parse');

const [mode, file, dbPath] = process.argv.slice(2);
const bytes = new Uint8Array(readFileSync(file));
if (mode !== 'baseline' && !(await workers.prewarm())) throw new Error('import worker did not start: run `npm run build` first');
lap('load');
markIdle();
const items = mode === 'baseline' ? baseline(bytes, dbPath) : await pipeline(bytes, dbPath, 'bench.xlsx');
workers.close();
print(mode, items);
