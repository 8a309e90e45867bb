import type { Database } from 'better-sqlite3';
import { up as createDomain } from './0001-create-domain';
import { up as listSortIndexes } from './0002-list-sort-indexes';
import { up as keptLights } from './0003-kept-lights';
import { up as counterpartsUpperLinks } from './0004-counterparts-upper-links';
import { up as followup } from './0005-followup';
import { up as charSearch } from './0006-char-search';
import { up as listIndexes } from './0007-list-indexes';
import { up as titlePinyin } from './0008-title-pinyin';
import { up as keptCounts } from './0009-kept-counts';
import { up as kindCharSearch } from './0010-kind-char-search';
import { up as listCounts } from './0011-list-counts';
import { up as periodItems } from './0012-period-items';
import { up as periodLights } from './0013-period-lights';
import { up as summaryChars } from './0014-summary-chars';

/** A numbered schema step. Never edit one that has shipped; add the next. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly up: (db: Database) => void;
}

/** All migrations in order; `version` must increase (by one once every branch's step is merged). */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'create-domain', up: createDomain },
  { version: 2, name: 'list-sort-indexes', up: listSortIndexes },
  { version: 3, name: 'kept-lights', up: keptLights },
  { version: 4, name: 'counterparts-upper-links', up: counterpartsUpperLinks },
  { version: 5, name: 'followup', up: followup },
  { version: 6, name: 'char-search', up: charSearch },
  { version: 7, name: 'list-indexes', up: listIndexes },
  { version: 8, name: 'title-pinyin', up: titlePinyin },
  { version: 9, name: 'kept-counts', up: keptCounts },
  { version: 10, name: 'kind-char-search', up: kindCharSearch },
  { version: 11, name: 'list-counts', up: listCounts },
  { version: 12, name: 'period-items', up: periodItems },
  { version: 13, name: 'period-lights', up: periodLights },
  { version: 14, name: 'summary-chars', up: summaryChars },
];
