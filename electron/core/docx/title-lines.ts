/**
 * Splits a long title into lines that keep words whole: each break falls after a closing ” 》 ）
 * or before an opening “ 《 （, as late as fits `perLine` characters; an explicit line break wins.
 */
export function titleLines(text: string, perLine: number): string[] {
  if (text.includes('\n')) return text.split('\n').map((l) => l.trim()).filter(Boolean);
  const lines: string[] = [];
  let rest = text.trim();
  while (rest.length > perLine) {
    let cut = -1;
    for (let i = 1; i < rest.length && i <= perLine; i++) {
      if ('”》）'.includes(rest[i - 1]) || '“《（'.includes(rest[i])) cut = i;
    }
    if (cut < Math.ceil(perLine / 3)) break; // no good break: let the word processor wrap
    lines.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  lines.push(rest);
  return lines;
}

/** Characters of 二号 on one line of a portrait page (the text block is 442pt wide; quotes take a little more). */
export const TITLE_PER_LINE = 19;
