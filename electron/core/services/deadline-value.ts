import { AppError } from '../../../shared/contract/errors';
import { parseDeadline } from '../parse/deadline';

const DATE_LIKE = /\d{4}\s*[-./年]\s*\d{1,2}|\d{1,2}\s*月\s*\d{1,2}\s*日/;

/**
 * A deadline as the user typed it: the text is kept, a date derived where one exists.
 * Text that looks like a date but is not one (2025-02-30, 2025年13月) is refused, not kept as a phrase.
 */
export function resolveDeadline(text: string): { text: string; date: string | null } {
  const trimmed = text.trim();
  if (!trimmed) return { text: '', date: null };
  const parsed = parseDeadline(trimmed);
  if (!parsed.date && DATE_LIKE.test(trimmed)) {
    throw new AppError('invalid_input', `完成时限「${trimmed}」不是有效日期，未做任何修改（可写 2025-06-30、2025年6月底前，或 长期坚持 等说法）`);
  }
  return { text: trimmed, date: parsed.date };
}
