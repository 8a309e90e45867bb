const CONTEXT = 12;
const MAX = 60;

function clip(text: string, from: number): string {
  const body = text.slice(from, from + MAX);
  return `${from > 0 ? '…' : ''}${body}${from + MAX < text.length ? '…' : ''}`;
}

/**
 * Before and after of a long changed text, cut to where they differ (a revision at the end of a
 * 300-character paragraph is visible, not hidden behind an ellipsis).
 */
export function diffExcerpt(before: string, after: string): { before: string; after: string } {
  let i = 0;
  while (i < before.length && i < after.length && before[i] === after[i]) i++;
  const from = Math.max(0, i - CONTEXT);
  return { before: clip(before, from), after: clip(after, from) };
}
