import { NumberInput, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Settings } from '../../../../shared/contract/schemas/office';
import { call } from '../../api/client';
import { SettingsForm } from './SettingsForm';

interface Props {
  settings: Settings;
  onSaved(): Promise<void>;
}

/** The operator's name (written into every change's history) and how many automatic backups to keep. */
export function PreferencesForm({ settings, onSaved }: Props) {
  const [operator, setOperator] = useState(settings.operator);
  const [keep, setKeep] = useState<number>(settings.backupKeep);
  useEffect(() => (setOperator(settings.operator), setKeep(settings.backupKeep)), [settings]);
  const dirty = operator !== settings.operator || keep !== settings.backupKeep;
  const save = async () => {
    await call('settings:set', { operator, backupKeep: keep });
    return '已保存操作人与备份设置';
  };

  return (
    <SettingsForm title="操作人与备份" submitLabel="保存" dirty={dirty} save={save} onSaved={onSaved}>
      <TextInput label="操作人姓名" description="记入每一次修改的历史（谁改的）" value={operator} onChange={(e) => setOperator(e.currentTarget.value)} />
      <NumberInput
        label="自动备份保留份数"
        description="每天启动时自动备份一次，只保留最近这么多份"
        min={1}
        max={365}
        clampBehavior="strict"
        allowDecimal={false}
        value={keep}
        onChange={(v) => setKeep(typeof v === 'number' ? v : Number(v) || 1)}
      />
    </SettingsForm>
  );
}
