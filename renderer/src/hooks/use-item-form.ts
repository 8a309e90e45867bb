import { useCallback, useMemo, useState } from 'react';
import type { z } from 'zod';
import {
  ItemFieldsSchema,
  ROLES,
  type Item,
  type ItemFields,
  type ItemUpdateSchema,
  type Role,
  type Target,
} from '../../../shared/contract/schemas/items';

/** What the drawer edits: the fields, the units with roles, the quantitative targets. */
export interface ItemDraft {
  fields: ItemFields;
  units: { unitId: number; role: Role }[];
  targets: Target[];
}

export type ItemUpdate = z.input<typeof ItemUpdateSchema>;

const FIELD_KEYS = Object.keys(ItemFieldsSchema.shape) as (keyof ItemFields)[];

function draftOf(item: Item): ItemDraft {
  const fields = Object.fromEntries(FIELD_KEYS.map((k) => [k, item[k]])) as unknown as ItemFields;
  return {
    fields,
    units: item.units.map((u) => ({ unitId: u.unitId, role: u.role })),
    targets: item.targets.map((t) => ({ ...t })),
  };
}

/** Role by role in a fixed order, keeping the order inside a role (the first 牵头 is the main one). */
const unitsKey = (units: ItemDraft['units']) =>
  ROLES.map((r) => units.filter((u) => u.role === r).map((u) => u.unitId).join(',')).join('|');

/** Only what changed, as `items:update` takes it; null when nothing did. */
export function changesOf(item: Item, draft: ItemDraft): ItemUpdate | null {
  const base = draftOf(item);
  const fields: Partial<ItemFields> = {};
  for (const k of FIELD_KEYS) {
    if (draft.fields[k] !== base.fields[k]) (fields as Record<string, unknown>)[k] = draft.fields[k];
  }
  const units = unitsKey(draft.units) !== unitsKey(base.units) ? draft.units : undefined;
  const targets = JSON.stringify(draft.targets) !== JSON.stringify(base.targets) ? draft.targets : undefined;
  if (!Object.keys(fields).length && !units && !targets) return null;
  return { id: item.id, fields, units, targets };
}

/** The editable copy of an item, reset whenever a fresh item arrives. */
export function useItemForm(item: Item | null) {
  const [state, setState] = useState<{ source: Item | null; draft: ItemDraft | null }>({ source: null, draft: null });
  // A new item from the core (load or save) replaces the draft.
  if (state.source !== item) setState({ source: item, draft: item ? draftOf(item) : null });
  const draft = state.source === item ? state.draft : item ? draftOf(item) : null;

  const setFields = useCallback((patch: Partial<ItemFields>) => {
    setState((s) => (s.draft ? { ...s, draft: { ...s.draft, fields: { ...s.draft.fields, ...patch } } } : s));
  }, []);
  const setUnits = useCallback((units: ItemDraft['units']) => {
    setState((s) => (s.draft ? { ...s, draft: { ...s.draft, units } } : s));
  }, []);
  const setTargets = useCallback((targets: Target[]) => {
    setState((s) => (s.draft ? { ...s, draft: { ...s.draft, targets } } : s));
  }, []);
  const revert = useCallback(() => setState({ source: item, draft: item ? draftOf(item) : null }), [item]);
  const changes = useMemo(() => (item && draft ? changesOf(item, draft) : null), [item, draft]);
  return { draft, setFields, setUnits, setTargets, revert, changes };
}
