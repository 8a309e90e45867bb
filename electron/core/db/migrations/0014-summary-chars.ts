import type { Database } from 'better-sqlite3';
import { SUMMARY_CHARS_TABLES, SUMMARY_CHARS_TRIGGERS, indexNotesAfter, indexReportsAfter, registerSummaryChars } from '../summary-chars';

/**
 * The 汇总表's keyword from indexes instead of a scan of the period (issue 10): report_chars over what
 * units reported, note_chars over the items' own 进展情况 (summary-chars.ts). Both are filled in one
 * statement each before their triggers exist.
 */
export function up(db: Database): void {
  registerSummaryChars(db);
  db.exec(SUMMARY_CHARS_TABLES);
  indexReportsAfter(db, 0);
  indexNotesAfter(db, 0);
  db.exec(SUMMARY_CHARS_TRIGGERS);
}
