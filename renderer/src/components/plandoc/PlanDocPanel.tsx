import { Alert, Anchor, Badge, Button, Checkbox, Group, Stack, Text, Textarea } from '@mantine/core';
import type { PlanDocInput, PlanDocState } from '../../../../shared/contract/schemas/docout';
import { call } from '../../api/client';
import { notifyOk } from '../../app/notify';
import { useBusy } from '../../hooks/use-busy';
import { saveBytes } from '../../platform/files';
import { PlanDocPreview } from './PlanDocPreview';
import { sameDraft, usePlanDoc } from './use-plan-doc';

/** The plans to write: every plan with local items when none is unticked (kept as null = all, so new plans join). */
function PlanPicker({ state, planIds, onChange }: { state: PlanDocState; planIds: number[] | null; onChange: (ids: number[] | null) => void }) {
  const all = state.plans.map((p) => String(p.id));
  const value = planIds === null ? all : planIds.map(String);
  return (
    <Checkbox.Group label="纳入的方案（本级条目）" value={value} onChange={(v) => onChange(v.length === all.length ? null : v.map(Number))}>
      <Stack gap={4} mt={4}>
        {state.plans.map((p) => (
          <Checkbox key={p.id} value={String(p.id)} label={`${p.title}（${p.localCount} 项）`} />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}

/** Title, preface and plan choice. */
function PlanDocFields({ state, input, edit }: { state: PlanDocState; input: PlanDocInput; edit: (patch: Partial<PlanDocInput>) => void }) {
  return (
    <>
      <Textarea label="标题" description="按回车可指定标题的换行位置" autosize minRows={1} maxRows={3} value={input.title} onChange={(e) => edit({ title: e.currentTarget.value })} />
      <Textarea label="前言" description="写在标题之后、任务之前；每行一段" autosize minRows={4} maxRows={14} value={input.preface} onChange={(e) => edit({ preface: e.currentTarget.value })} />
      <Anchor size="xs" component="button" style={{ alignSelf: 'flex-start' }} onClick={() => edit(state.suggested)}>
        恢复建议的标题和前言
      </Anchor>
      <PlanPicker state={state} planIds={input.planIds} onChange={(planIds) => edit({ planIds })} />
    </>
  );
}

const NO_LOCAL_ITEMS = (
  <Alert color="blue" title="还没有本级条目">
    落实方案由本级条目起草。先在<Anchor href="#/tasks">任务清单</Anchor>中选中上级条目并“分解”为本级条目（可先在<Anchor href="#/units">单位</Anchor>确认对口单位），再回到这里起草。
  </Alert>
);

/** 落实方案: edit title and preface, pick plans, see what will be written, keep the draft, save the .docx. */
export function PlanDocPanel() {
  const { state, input, setInput, kept, setKept, outline } = usePlanDoc();
  const { busy, run } = useBusy();
  if (!state || !input) return <Text size="sm" c="dimmed">正在读取…</Text>;
  if (state.plans.length === 0) return NO_LOCAL_ITEMS;

  const saveDraft = () =>
    run(async () => {
      await call('plandoc:save-draft', input);
      setKept(input);
      notifyOk('落实方案草稿已保存');
    });
  // Writing the document keeps the draft it was written from.
  const exportDocx = () =>
    run(async () => {
      const f = await call('plandoc:docx', input);
      setKept(input);
      if (await saveBytes(f.fileName, f.bytes)) notifyOk(`已导出「${f.fileName}」，${outline?.taskCount ?? 0} 项任务`);
    });
  return (
    <Group align="flex-start" gap="lg" wrap="nowrap" maw={1200}>
      <Stack gap="sm" style={{ flex: '1 1 460px', minWidth: 360 }}>
        <PlanDocFields state={state} input={input} edit={(patch) => setInput({ ...input, ...patch })} />
        <Group gap="xs">
          <Button variant="default" loading={busy} onClick={() => void saveDraft()}>
            保存草稿
          </Button>
          <Button loading={busy} disabled={!input.title.trim() || outline?.taskCount === 0} onClick={() => void exportDocx()}>
            导出落实方案（Word）
          </Button>
          {(!kept || !sameDraft(kept, input)) && <Badge color="gray" variant="light">未保存</Badge>}
        </Group>
        <Text size="xs" c="dimmed">
          按公文格式（GB/T 9704）排版：A4 纵向，正文仿宋三号，一级标题黑体、二级标题楷体，页码“{'—\u00a01\u00a0—'}”；附件任务清单为横向表格，每页重复表头。
        </Text>
      </Stack>
      <PlanDocPreview outline={outline} />
    </Group>
  );
}
