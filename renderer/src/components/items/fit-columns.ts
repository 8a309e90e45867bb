/**
 * Narrowest widths of the text columns when a list must fit a small screen (1366×768): these give
 * way first, in proportion to what each can give; chips and numbers (完成时限, 状态, 亮灯, 进度) keep
 * their widths, so they are never cut.
 */
const SHRINK_MIN: Readonly<Record<string, number>> = {
  title: 140,
  plan: 90,
  section: 80,
  lead: 80,
  resp: 70,
  coop: 70,
  progressNote: 120,
  policyDocNo: 90,
};

/** The columns narrowed to fit `available` pixels where they can; unchanged when they fit or `available` is unknown (0). */
export function fitColumns<C extends { key: string; width: number }>(columns: readonly C[], available: number, keep?: string): C[] {
  const total = columns.reduce((n, c) => n + c.width, 0);
  if (available <= 0 || total <= available) return [...columns];
  const give = (c: C) => (c.key === keep ? 0 : Math.max(0, c.width - (SHRINK_MIN[c.key] ?? c.width)));
  const room = columns.reduce((n, c) => n + give(c), 0);
  if (room === 0) return [...columns];
  const ratio = Math.min(1, (total - available) / room);
  return columns.map((c) => (give(c) ? { ...c, width: c.width - Math.min(give(c), Math.ceil(give(c) * ratio)) } : c));
}
