import { ITEM_KINDS, ITEM_SORT_FIELDS, ITEM_STATUSES, ROLES, type ItemKind, type ItemQuery, type ItemStatus, type Role } from '../../../shared/contract/schemas/items';

/** The print views: #/print/items?…, #/print/slip?id=…, #/print/bulletin?periodId=…, #/print/missing?periodId=… */
export type PrintView = 'items' | 'slip' | 'bulletin' | 'missing' | 'urges' | 'evaluation';

/** A list print: the list query (filters and order) plus the columns and an optional title. */
export interface ItemsPrintRequest {
  readonly kind: ItemKind;
  readonly planId?: number;
  readonly sectionId?: number;
  readonly unitId?: number;
  readonly role?: Role;
  readonly statuses?: readonly ItemStatus[];
  readonly keyword?: string;
  readonly overdue?: boolean;
  readonly deadlineFrom?: string;
  readonly deadlineTo?: string;
  readonly origin?: 'upper' | 'local';
  readonly sort?: ItemQuery['sort'];
  readonly desc?: boolean;
  readonly columns?: readonly string[];
  readonly title?: string;
}

/** True when the address is a print view (they are shown without the app shell). */
export function isPrintHash(hash: string): boolean {
  return /^#\/print\//.test(hash);
}

/** The view and its parameters from an address hash. */
export function parsePrintHash(hash: string): { view: PrintView | null; params: URLSearchParams } {
  const m = /^#\/print\/([a-z]+)(?:\?(.*))?$/.exec(hash);
  const view = m && ['items', 'slip', 'bulletin', 'missing', 'urges', 'evaluation'].includes(m[1]) ? (m[1] as PrintView) : null;
  return { view, params: new URLSearchParams(m?.[2] ?? '') };
}

const isoDate = (v: string | null): string | undefined => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);
const id = (v: string | null): number | undefined => (v && /^\d+$/.test(v) ? Number(v) : undefined);

/** Address of a list print (what a list page's 打印 button opens). */
export function itemsPrintHash(r: ItemsPrintRequest): string {
  const p = new URLSearchParams({ kind: r.kind });
  if (r.planId) p.set('planId', String(r.planId));
  if (r.sectionId) p.set('sectionId', String(r.sectionId));
  if (r.unitId) p.set('unitId', String(r.unitId));
  if (r.role) p.set('role', r.role);
  if (r.statuses?.length) p.set('statuses', r.statuses.join(','));
  if (r.keyword) p.set('keyword', r.keyword);
  if (r.overdue) p.set('overdue', '1');
  if (r.deadlineFrom) p.set('deadlineFrom', r.deadlineFrom);
  if (r.deadlineTo) p.set('deadlineTo', r.deadlineTo);
  if (r.origin) p.set('origin', r.origin);
  if (r.sort && r.sort !== 'order') p.set('sort', r.sort);
  if (r.desc) p.set('desc', '1');
  if (r.columns?.length) p.set('columns', r.columns.join(','));
  if (r.title) p.set('title', r.title);
  return `#/print/items?${p.toString()}`;
}

/** The list print request from the address parameters (unknown values dropped). */
export function readItemsPrint(p: URLSearchParams): ItemsPrintRequest {
  const kind = (ITEM_KINDS as readonly string[]).includes(p.get('kind') ?? '') ? (p.get('kind') as ItemKind) : 'task';
  const role = p.get('role');
  const origin = p.get('origin');
  const sort = p.get('sort');
  return {
    kind,
    planId: id(p.get('planId')),
    sectionId: id(p.get('sectionId')),
    unitId: id(p.get('unitId')),
    role: (ROLES as readonly string[]).includes(role ?? '') ? (role as Role) : undefined,
    statuses: (p.get('statuses') ?? '').split(',').filter((s): s is ItemStatus => (ITEM_STATUSES as readonly string[]).includes(s)),
    keyword: p.get('keyword') ?? undefined,
    overdue: p.get('overdue') === '1',
    deadlineFrom: isoDate(p.get('deadlineFrom')),
    deadlineTo: isoDate(p.get('deadlineTo')),
    origin: origin === 'upper' || origin === 'local' ? origin : undefined,
    sort: (ITEM_SORT_FIELDS as readonly string[]).includes(sort ?? '') ? (sort as ItemQuery['sort']) : undefined,
    desc: p.get('desc') === '1',
    columns: (p.get('columns') ?? '').split(',').filter(Boolean),
    title: p.get('title') ?? undefined,
  };
}

export function slipPrintHash(documentId: number): string {
  return `#/print/slip?id=${documentId}`;
}

export function bulletinPrintHash(periodId: number): string {
  return `#/print/bulletin?periodId=${periodId}`;
}

/** A print view's numeric parameter. */
export function numberParam(p: URLSearchParams, name: string): number | undefined {
  return id(p.get(name));
}
