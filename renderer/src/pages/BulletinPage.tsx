import { Badge, Button, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useCallback, useEffect, useState } from 'react';
import type { BulletinFacts, BulletinPeriod, LaggingChoice } from '../../../shared/contract/schemas/bulletins';
import { call } from '../api/client';
import { notifyError, notifyOk } from '../app/notify';
import { saveBytes } from '../platform/files';
import { bulletinPrintHash } from '../print/print-route';
import { LaggingChoiceControl } from '../components/bulletin/LaggingChoiceControl';

function FactBadges({ facts }: { facts: BulletinFacts }) {
  return (
    <Group gap={6}>
      <Badge variant="light">事项 {facts.itemCount} 项</Badge>
      <Badge variant="light">平均进度 {facts.averageProgress}%</Badge>
      <Badge variant="light" color="red">滞后 {facts.lagging.length} 项</Badge>
      <Badge variant="light" color="orange">未报送 {facts.missingUnits.length} 个单位</Badge>
      <Badge variant="light" color="teal">表扬 {facts.commendedUnits.length} 个单位</Badge>
      <Badge variant="light" color="grape">本期催办 {facts.urgeCount} 次</Badge>
      {facts.lightSource === 'judged' && <Text size="xs" c="dimmed">本期尚无亮灯快照，按亮灯规则截至期末判定</Text>}
    </Group>
  );
}

const PERIOD_KEY = 'qd-bulletin-period';

/** 调度通报: pick a period, draft from its data, revise, keep, print. */
export function BulletinPage() {
  const [periods, setPeriods] = useState<BulletinPeriod[] | null>(null);
  const [periodId, setPeriodId] = useState<string | null>(sessionStorage.getItem(PERIOD_KEY));
  const [body, setBody] = useState('');
  const [kept, setKept] = useState<string | null>(null);
  const [facts, setFacts] = useState<BulletinFacts | null>(null);
  const [busy, setBusy] = useState(false);
  const [choice, setChoice] = useState<LaggingChoice>({});
  const [drafted, setDrafted] = useState('');
  const id = periodId ? Number(periodId) : null;

  useEffect(() => {
    call('bulletins:periods', {}).then((p) => {
      setPeriods(p);
      setPeriodId((cur) => (cur && p.some((x) => String(x.id) === cur) ? cur : p[0] ? String(p[0].id) : null));
    }, notifyError);
  }, []);

  /** Drafts with a lagging-items choice; keepBody only refreshes the facts (a kept bulletin stays as it is). */
  const draft = useCallback(
    async (c: LaggingChoice = {}, keepBody = false) => {
      if (id === null) return;
      const d = await call('bulletins:draft', { periodId: id, laggingLimit: c.limit, laggingIds: c.ids });
      if (!keepBody) (setBody(d.body), setDrafted(d.body));
      setFacts(d.facts);
    },
    [id],
  );

  useEffect(() => {
    if (id === null) return;
    sessionStorage.setItem(PERIOD_KEY, String(id));
    setFacts(null);
    call('bulletins:get', { periodId: id }).then((b) => {
      setBody(b?.body ?? '');
      setKept(b?.body ?? null);
      setChoice(b?.lagging ?? {});
      void draft(b?.lagging ?? {}, b !== null).catch(notifyError);
    }, notifyError);
  }, [id, draft]);

  async function save(): Promise<boolean> {
    if (id === null) return false;
    setBusy(true);
    try {
      const b = await call('bulletins:save', { periodId: id, body, lagging: choice });
      setKept(b.body);
      notifyOk('通报已保存');
      return true;
    } catch (e) {
      notifyError(e);
      return false;
    } finally {
      setBusy(false);
    }
  }

  /** Redrafts with a lagging-items choice, asking first when it would replace edited text. */
  function redraft(c: LaggingChoice = choice) {
    const apply = () => (setChoice(c), void draft(c).catch(notifyError));
    if (!body.trim() || body === kept || body === drafted) return apply();
    modals.openConfirmModal({
      title: '重新生成草稿',
      children: <Text size="sm">按当前数据重新生成，会替换编辑框中的内容（已保存的通报在保存前不变）。</Text>,
      labels: { confirm: '重新生成', cancel: '取消' },
      onConfirm: apply,
    });
  }

  async function preview() {
    if (id === null) return;
    if (kept !== body && !(await save())) return;
    location.hash = bulletinPrintHash(id);
  }

  if (periods && periods.length === 0) return <Text c="dimmed">尚未开启调度期次。在“调度填报”中开启期次并收回报送后，可在这里生成通报。</Text>;
  return (
    <Stack gap="sm" maw={1000}>
      <Group align="flex-end">
        <Select label="调度期次" w={260} allowDeselect={false} data={(periods ?? []).map((p) => ({ value: String(p.id), label: `${p.name}${p.bulletinUpdatedAt ? '（已有通报）' : ''}` }))} value={periodId} onChange={setPeriodId} />
        <Button variant="light" onClick={() => redraft()} disabled={id === null}>
          按数据生成草稿
        </Button>
        <Button loading={busy} onClick={() => void save()} disabled={id === null}>
          保存通报
        </Button>
        <Button variant="default" onClick={() => void preview()} disabled={id === null || !body.trim()}>
          打印预览
        </Button>
        <Button variant="default" disabled={id === null || !body.trim()} onClick={() => id !== null && void call('bulletins:docx', { periodId: id, body }).then(async (f) => void ((await saveBytes(f.fileName, f.bytes)) && notifyOk(`已导出「${f.fileName}」`)), notifyError)}>
          导出 Word
        </Button>
        {kept !== body && <Badge color="gray" variant="light">未保存</Badge>}
      </Group>
      {facts && <FactBadges facts={facts} />}
      {facts && <LaggingChoiceControl lagging={facts.lagging} value={choice} onChange={redraft} />}
      <Textarea aria-label="通报正文" autosize minRows={18} maxRows={40} value={body} onChange={(e) => setBody(e.currentTarget.value)} styles={{ input: { fontSize: 14, lineHeight: 1.7 } }} />
    </Stack>
  );
}
