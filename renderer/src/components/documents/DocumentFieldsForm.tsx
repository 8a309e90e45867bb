import { Button, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { SECRECY_LEVELS, type DocumentFields } from '../../../../shared/contract/schemas/documents';
import { nowText } from './document-form-state';

type Set = <K extends keyof DocumentFields>(key: K, value: DocumentFields[K]) => void;

function Line({ label, name, fields, set, placeholder }: { label: string; name: keyof DocumentFields; fields: DocumentFields; set: Set; placeholder?: string }) {
  return <TextInput label={label} placeholder={placeholder} value={fields[name]} onChange={(e) => set(name, e.currentTarget.value)} />;
}

function Area({ label, name, fields, set, rows = 2 }: { label: string; name: keyof DocumentFields; fields: DocumentFields; set: Set; rows?: number }) {
  return <Textarea label={label} autosize minRows={rows} maxRows={10} value={fields[name]} onChange={(e) => set(name, e.currentTarget.value)} />;
}

/** Every field of the 文件处理单, in the slip's order. */
export function DocumentFieldsForm({ fields, set }: { fields: DocumentFields; set: Set }) {
  return (
    <>
      <SimpleGrid cols={{ base: 2, lg: 4 }} spacing="sm" verticalSpacing="xs">
        <Line label="来文机关" name="issuer" fields={fields} set={set} placeholder="如 省政府办公厅" />
        <Line label="文号" name="docNo" fields={fields} set={set} placeholder="如 湘政办发〔2025〕2号" />
        <Select
          label="密级"
          data={[...SECRECY_LEVELS]}
          value={fields.secrecy}
          allowDeselect={false}
          onChange={(v) => v && set('secrecy', v as DocumentFields['secrecy'])}
        />
        <TextInput
          label="收文日期"
          placeholder="2025-01-20 10:26"
          value={fields.receivedAt}
          onChange={(e) => set('receivedAt', e.currentTarget.value)}
          rightSectionWidth={56}
          rightSection={
            <Button size="compact-xs" variant="subtle" onClick={() => set('receivedAt', nowText())}>
              现在
            </Button>
          }
        />
      </SimpleGrid>
      <TextInput label="文件主题" withAsterisk value={fields.subject} onChange={(e) => set('subject', e.currentTarget.value)} />
      <Line label="拟发单位" name="proposedUnits" fields={fields} set={set} />
      <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
        <Area label="送批意见" name="submitOpinion" fields={fields} set={set} />
        <Area label="办公室意见" name="officeOpinion" fields={fields} set={set} />
      </SimpleGrid>
      <Area label="备注" name="remark" fields={fields} set={set} rows={1} />
      <SimpleGrid cols={3} spacing="sm" verticalSpacing="xs">
        <Line label="经办人" name="handler" fields={fields} set={set} />
        <Line label="联系电话" name="phone" fields={fields} set={set} />
        <Line label="收文编号" name="receiptNo" fields={fields} set={set} />
      </SimpleGrid>
    </>
  );
}
