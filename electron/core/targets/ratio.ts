import type { Comparator } from '../parse/quantity';
import { toHalfWidth } from '../parse/text-normalize';

/**
 * Completion ratio (1 = target reached) of a reported `value` against a target, honouring the comparator:
 * - ≥ / > / = / none: value ÷ target (70 万人 reported against ≥ 70 万人 → 1; more is more than 1);
 * - ≤ / <: lower is better: 1 when within the limit; above it, the share of the way from the
 *   baseline down to the target when a baseline above the target is known, else target ÷ value.
 * A target of 0 is met or not (ratio 1 or 0). Null when nothing was reported.
 */
export function completionRatio(comparator: Comparator | null, target: number, value: number | null, baseline: number | null = null): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  if (comparator === '<=' || comparator === '<') return lowerIsBetter(target, value, baseline);
  if (target <= 0) return value >= target ? 1 : 0;
  return round4(value / target);
}

function lowerIsBetter(target: number, value: number, baseline: number | null): number {
  if (value <= target) return 1;
  if (baseline !== null && baseline > target) return round4(Math.max(0, (baseline - value) / (baseline - target)));
  if (target <= 0) return 0;
  return round4(target / value);
}

/** True when `value` satisfies the comparator against `target` (no comparator reads as ≥). */
export function targetMet(comparator: Comparator | null, target: number, value: number | null): boolean | null {
  if (value === null) return null;
  switch (comparator) {
    case '<=':
      return value <= target;
    case '<':
      return value < target;
    case '>':
      return value > target;
    case '=':
      return Math.abs(value - target) <= Math.abs(target) * 0.05;
    default:
      return value >= target;
  }
}

function round4(n: number): number {
  return Math.round(n * 10000) / 10000;
}

/**
 * How much bigger the canonical value is than the number as written: 70 万人 → 10000,
 * 2000 万元 → 1 (money is kept in 万元), 1.1 万亿元 → 100000000. 1 when unknown.
 */
export function writtenScale(value: number, rawText: string): number {
  const numbers = toHalfWidth(rawText).replace(/,/g, '').match(/\d+(?:\.\d+)?/g);
  const written = numbers ? Number(numbers[numbers.length - 1]) : 0;
  if (!written || !value) return 1;
  const scale = Math.round(value / written);
  return scale >= 10 ? scale : 1;
}

/**
 * A reported number in the target's canonical unit. A unit answering "完成值" often writes the
 * number on the target's own scale (72 for 72 万人): when the raw value is under 1% of the target
 * and the scaled one lands within 3× of it, the scaled reading is taken.
 */
export function reportedInTargetUnit(value: number, target: { value: number; rawText: string }): number {
  const scale = writtenScale(target.value, target.rawText);
  if (scale === 1 || target.value <= 0) return value;
  const raw = value / target.value;
  const scaled = (value * scale) / target.value;
  return raw < 0.01 && scaled <= 3 ? value * scale : value;
}

const SYMBOLS: Record<Comparator, string> = { '>=': '≥', '<=': '≤', '=': '约', '>': '>', '<': '<' };

/** 700000 人 → 70万人; 110000000 万元 → 1.1万亿元; 9 % → 9%. */
export function formatQuantity(value: number, unit: string): string {
  const n = (v: number) => String(Number(v.toPrecision(6)));
  if (unit === '万元') {
    if (Math.abs(value) >= 1e8) return `${n(value / 1e8)}万亿元`;
    if (Math.abs(value) >= 1e4) return `${n(value / 1e4)}亿元`;
    return `${n(value)}万元`;
  }
  if (unit === '%' || unit === '‰' || unit === '个百分点' || unit === '倍') return `${n(value)}${unit}`;
  if (Math.abs(value) >= 1e8) return `${n(value / 1e8)}亿${unit}`;
  if (Math.abs(value) >= 1e4) return `${n(value / 1e4)}万${unit}`;
  return `${n(value)}${unit}`;
}

/** ≥ 70万人 */
export function formatTarget(comparator: Comparator | null, value: number, unit: string): string {
  const q = formatQuantity(value, unit);
  return comparator ? `${SYMBOLS[comparator]} ${q}` : q;
}
