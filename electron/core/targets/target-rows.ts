import type { QuantityTarget } from '../parse/quantity';

const MAX_TARGETS = 50;

/**
 * The item_targets fields for the targets read from one text: repeats (same label, value and unit)
 * dropped, at most 50, the phrase cut to 500 characters, `sort` in reading order. The comparator
 * stays as read (null when the text states none).
 */
export function targetRows(targets: readonly QuantityTarget[]) {
  const seen = new Set<string>();
  return targets
    .filter((t) => {
      const key = `${t.label}|${t.value}|${t.unit}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, MAX_TARGETS)
    .map((t, sort) => ({ label: t.label, comparator: t.comparator, value: t.value, unit: t.unit, raw_text: t.text.slice(0, 500), sort }));
}
