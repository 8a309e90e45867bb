import type { ComboboxItem, ComboboxParsedItem, OptionsFilter } from '@mantine/core';
import type { Unit } from '../../../../shared/contract/schemas/units';

/** A unit as pickers see it: pinyin keys and aliases where the caller has them. */
type PickerUnit = Pick<Unit, 'id' | 'name'> & Partial<Pick<Unit, 'aliases' | 'pinyin'>>;

/** Units in pinyin order of their names (how Chinese users expect a name list), ties by name. */
export function byPinyin<T extends Pick<PickerUnit, 'name' | 'pinyin'>>(units: readonly T[]): T[] {
  const key = (u: T) => u.pinyin?.find((k) => /^[a-z0-9]+$/.test(k)) ?? u.name;
  return [...units].sort((a, b) => key(a).localeCompare(key(b)) || a.name.localeCompare(b.name, 'zh-CN'));
}

/** Whether a unit answers a search typed as Chinese (name, alias) or as pinyin (shengfagaiwei, fgw). */
export function unitMatches(unit: PickerUnit, search: string): boolean {
  const q = search.trim().toLowerCase();
  if (!q) return true;
  const aliases = unit.aliases ?? [];
  return unit.name.toLowerCase().includes(q) || aliases.some((a) => a.toLowerCase().includes(q)) || (unit.pinyin ?? []).some((k) => k.includes(q));
}

/**
 * Options for a unit picker (Select / MultiSelect with `searchable`): the units in pinyin order, and
 * a filter that finds them by name, alias, full pinyin or initials.
 */
export function unitPicker(units: readonly PickerUnit[]): { data: ComboboxItem[]; filter: OptionsFilter } {
  const sorted = byPinyin(units);
  const byValue = new Map(sorted.map((u) => [String(u.id), u]));
  const filter: OptionsFilter = ({ options, search, limit }) => {
    const out: ComboboxParsedItem[] = [];
    for (const o of options) {
      if (out.length >= limit) break;
      if ('group' in o) continue;
      const unit = byValue.get(String(o.value));
      if (unit ? unitMatches(unit, search) : o.label.includes(search.trim())) out.push(o);
    }
    return out;
  };
  return { data: sorted.map((u) => ({ value: String(u.id), label: u.name })), filter };
}
