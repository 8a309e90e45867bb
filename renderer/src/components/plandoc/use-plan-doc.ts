import { useEffect, useState } from 'react';
import type { PlanDocInput, PlanDocOutline, PlanDocState } from '../../../../shared/contract/schemas/docout';
import { call } from '../../api/client';
import { notifyError } from '../../app/notify';

/** True when two drafts say the same. */
export const sameDraft = (a: PlanDocInput, b: PlanDocInput): boolean =>
  a.title === b.title && a.preface === b.preface && JSON.stringify(a.planIds) === JSON.stringify(b.planIds);

/** The 落实方案 draft being edited: the kept draft on open, the outline of the current text shortly after each edit. */
export function usePlanDoc() {
  const [state, setState] = useState<PlanDocState | null>(null);
  const [input, setInput] = useState<PlanDocInput | null>(null);
  const [kept, setKept] = useState<PlanDocInput | null>(null);
  const [outline, setOutline] = useState<PlanDocOutline | null>(null);

  useEffect(() => {
    call('plandoc:state', {}).then((s) => {
      const d = { title: s.draft.title, preface: s.draft.preface, planIds: s.draft.planIds };
      setState(s);
      setInput(d);
      setKept(s.draft.savedAt ? d : null);
    }, notifyError);
  }, []);

  useEffect(() => {
    if (!input || !input.title.trim()) return;
    let live = true;
    const t = setTimeout(() => void call('plandoc:outline', input).then((o) => live && setOutline(o), notifyError), 250);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [input]);

  return { state, input, setInput, kept, setKept, outline };
}
