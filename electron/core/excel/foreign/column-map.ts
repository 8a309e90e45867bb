import { FOREIGN_FIELDS, normalizeHeader, type ColumnMapping, type ForeignField } from './synonyms';

/** Fields a row can hold only once; a second column naming one is ignored (and reported). */
const SINGLE_FIELDS: ReadonlySet<ForeignField> = new Set(['code', 'title', 'deadline', 'plan', 'section']);

export interface MappingResult {
  mapping: ColumnMapping;
  /** Columns set to 'ignore' because an earlier column already holds their single field. */
  duplicates: { column: number; field: ForeignField }[];
}

/**
 * Builds the column mapping from the detected field of each header cell. Columns with a header but
 * no known field map to 'ignore'. 责任单位 (resp) acts as 牵头 (lead) when the sheet has a 配合
 * column and no 牵头 column: "责任单位 | 配合单位" is the lead/coop layout under another name.
 */
export function mappingFromFields(headers: readonly string[], fields: readonly (ForeignField | null)[]): MappingResult {
  const mapping: ColumnMapping = {};
  const duplicates: MappingResult['duplicates'] = [];
  const seen = new Set<ForeignField>();
  const hasLead = fields.includes('lead');
  const hasCoop = fields.includes('coop');
  fields.forEach((detected, column) => {
    if ((headers[column] ?? '') === '' && detected === null) return;
    let field = detected;
    if (field === 'resp' && !hasLead && hasCoop) field = 'lead';
    if (field !== null && SINGLE_FIELDS.has(field) && seen.has(field)) {
      duplicates.push({ column, field });
      field = null;
    }
    if (field !== null) seen.add(field);
    mapping[column] = field ?? 'ignore';
  });
  return { mapping, duplicates };
}

/** Each field's columns, left to right: computed once per sheet, read for every row. */
export type FieldColumns = Readonly<Record<ForeignField, readonly number[]>>;

export function columnsByField(mapping: ColumnMapping): FieldColumns {
  const out = Object.fromEntries(FOREIGN_FIELDS.map((f) => [f, [] as number[]])) as Record<ForeignField, number[]>;
  for (const [column, field] of Object.entries(mapping)) {
    if (field !== 'ignore') out[field].push(Number(column));
  }
  for (const f of FOREIGN_FIELDS) out[f].sort((a, b) => a - b);
  return out;
}

/** Columns mapped to a field, left to right. */
export function columnsOf(mapping: ColumnMapping, field: ForeignField): number[] {
  return Object.entries(mapping)
    .filter(([, f]) => f === field)
    .map(([c]) => Number(c))
    .sort((a, b) => a - b);
}

/**
 * Accepts a mapping from outside (the preview's editor, a remembered layout, JSON with string
 * keys): keeps entries whose key is a column index and whose value is a field or 'ignore'.
 */
export function sanitizeMapping(raw: Readonly<Record<string, string>>): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const [key, value] of Object.entries(raw)) {
    const column = Number(key);
    if (!Number.isInteger(column) || column < 0) continue;
    if (value === 'ignore' || (FOREIGN_FIELDS as readonly string[]).includes(value)) {
      mapping[column] = value as ForeignField | 'ignore';
    }
  }
  return mapping;
}

/** A → 0 … Z → 25, AA → 26: the column letters of problems. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * Identifies a layout by its normalised header texts (trailing empty columns dropped), so a
 * mapping the user fixed once is found again for the next file of the same office. 16 hex digits
 * (two FNV-1a 32-bit hashes); the same headers always give the same key.
 */
export function layoutKeyOf(headers: readonly string[]): string {
  const texts = headers.map((h) => normalizeHeader(h));
  while (texts.length > 0 && texts[texts.length - 1] === '') texts.pop();
  const joined = texts.join('\u001f');
  return fnv1a(joined, 0x811c9dc5) + fnv1a(joined, 0x01000193 ^ 0x5bd1e995);
}

function fnv1a(text: string, seed: number): string {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
