/** Excel's limit for one cell. */
export const MAX_CELL_CHARS = 32767;

// XML 1.0 forbids most C0 controls; one in a cell makes Excel offer to repair the file.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
/** Anything cellText would change but the length: a CR or a forbidden character. */
const NEEDS_CLEANING = /[\r\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

/**
 * Text safe to write into a cell: no characters XML forbids, at most Excel's 32,767, CRLF as LF.
 * Text starting with = + - @ stays text: the writer always stores strings as strings.
 */
export function cellText(text: string): string {
  if (text.length <= MAX_CELL_CHARS && !NEEDS_CLEANING.test(text)) return text;
  const clean = text.replace(/\r\n?/g, '\n').replace(CONTROL, '');
  return clean.length > MAX_CELL_CHARS ? `${clean.slice(0, MAX_CELL_CHARS - 1)}…` : clean;
}

/** True when Excel would take typed text as a formula (the writer never lets it). */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@]/.test(text);
}

/** A valid, unique sheet name: no []:*?/\ or quotes, at most 31 characters. */
export function sheetName(name: string, taken: ReadonlySet<string>): string {
  const base = name.replace(/[[\]:*?/\\'']/g, '').trim().slice(0, 31) || 'Sheet';
  let out = base;
  for (let n = 2; [...taken].some((t) => t.toLowerCase() === out.toLowerCase()); n++) {
    const suffix = `(${n})`;
    out = `${base.slice(0, 31 - suffix.length)}${suffix}`;
  }
  return out;
}
