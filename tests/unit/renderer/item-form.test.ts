import { describe, expect, it } from 'vitest';
import type { Item } from '../../../shared/contract/schemas/items';
import { changesOf } from '../../../renderer/src/hooks/use-item-form';

const ITEM: Item = {
  id: 7, uid: 'u', kind: 'task', title: '完善消费政策', content: '', code: '2', planId: 2, sectionId: 3, groupName: '', leader: '',
  deadlineText: '', deadlineDate: null, status: 'not_started', progress: 0, progressNote: '', problems: '', note: '',
  investTotal: null, investYearPlan: null, investDone: null, planStart: null, planEnd: null, actualStart: null, projectStage: null,
  startRate: null, payRate: null, physicalRate: null, policyDocNo: '', policyStage: null, planIssueDate: null, actualIssueDate: null,
  comparator: null, targetValue: null, targetUnit: '', baselineValue: null, actualValue: null, assignMode: 'lead', origin: 'upper',
  upperCode: '', upperItemId: null, instructionId: null, planTitle: '', sectionName: '', createdAt: '', updatedAt: '',
  // As the core lists them: by role name (coop before lead), then by order inside the role.
  units: [
    { unitId: 5, role: 'coop', name: '省财政厅' },
    { unitId: 9, role: 'coop', name: '省民政厅' },
    { unitId: 1, role: 'lead', name: '省发展改革委' },
  ],
  targets: [],
};

const draftOf = (patch: Partial<Item> = {}) => {
  const item = { ...ITEM, ...patch };
  const { units, targets } = item;
  const fields = Object.fromEntries(Object.entries(item).filter(([k]) => k in ITEM && !['id', 'uid', 'kind', 'units', 'targets'].includes(k)));
  return { fields: fields as unknown as Item, units: units.map(({ unitId, role }) => ({ unitId, role })), targets };
};

describe('what the drawer sends on save (changesOf)', () => {
  it('sends nothing when nothing changed, even if the role pickers reordered the units', () => {
    const draft = draftOf();
    draft.units = [draft.units[2], draft.units[0], draft.units[1]];
    expect(changesOf(ITEM, draft)).toBeNull();
  });

  it('sends only the changed fields, and the units when a role changed', () => {
    const draft = draftOf({ deadlineText: '2025年9月底前' });
    draft.units = [{ unitId: 14, role: 'lead' }, ...draft.units.filter((u) => u.role !== 'lead')];
    expect(changesOf(ITEM, draft)).toEqual({ id: 7, fields: { deadlineText: '2025年9月底前' }, units: draft.units, targets: undefined });
  });

  it('treats a new order inside a role as a change (the first 牵头 is the main one)', () => {
    const draft = draftOf();
    draft.units = [draft.units[1], draft.units[0], draft.units[2]];
    expect(changesOf(ITEM, draft)?.units).toEqual(draft.units);
  });
});
