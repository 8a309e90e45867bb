import { Badge, Group, NativeSelect, NumberInput, Stack, Text } from '@mantine/core';
import { IMPORT_FIELD_LABELS, IMPORT_FIELDS, type ColumnOverride, type SheetPreview } from '../../../../shared/contract/schemas/imports';

const SOURCE_LABEL: Record<SheetPreview['mappingSource'], { text: string; color: string }> = {
  detected: { text: '自动识别', color: 'gray' },
  layout: { text: '沿用同样表头的列对应', color: 'teal' },
  sheet: { text: '已修改（应用后记住）', color: 'indigo' },
  text: { text: '', color: 'gray' },
};

const FIELD_OPTIONS = IMPORT_FIELDS.map((f) => ({ value: f, label: IMPORT_FIELD_LABELS[f] }));

/**
 * Each column's header and the field it is read as, editable; a change re-reads the file at once.
 * The header row can be corrected too when detection picked the wrong one.
 */
export function ColumnMappingEditor({ file, sheet, onChange }: { file: string; sheet: SheetPreview; onChange(o: ColumnOverride): void }) {
  const current = Object.fromEntries(sheet.columns.map((c) => [String(c.index), c.field]));
  const base = { file, sheet: sheet.name, layoutKey: sheet.layoutKey };
  const source = SOURCE_LABEL[sheet.mappingSource];
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Text size="sm" fw={600}>列对应</Text>
        <Badge size="sm" variant="light" color={source.color} styles={{ label: { textTransform: 'none' } }}>
          {source.text}
        </Badge>
        <NumberInput
          size="xs"
          w={150}
          min={1}
          max={1000}
          aria-label={`「${sheet.name}」表头行`}
          leftSection={<Text size="xs">表头第</Text>}
          leftSectionWidth={48}
          rightSection={<Text size="xs">行</Text>}
          value={sheet.headerRow}
          onBlur={(e) => {
            const row = Number(e.currentTarget.value);
            if (Number.isInteger(row) && row >= 1 && row !== sheet.headerRow) onChange({ ...base, columns: {}, headerRow: row });
          }}
        />
      </Group>
      <Group gap={6} align="flex-end" data-testid="column-mapping">
        {sheet.columns.map((c) => (
          <NativeSelect
            key={c.index}
            size="xs"
            w={128}
            label={`${c.letter}列「${c.header || '（无表头）'}」`}
            aria-label={`${c.letter}列「${c.header}」读作`}
            data={FIELD_OPTIONS}
            value={c.field}
            styles={{ label: { fontSize: 12, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', maxWidth: 128 } }}
            onChange={(e) => onChange({ ...base, columns: { ...current, [String(c.index)]: e.currentTarget.value as (typeof IMPORT_FIELDS)[number] } })}
          />
        ))}
      </Group>
    </Stack>
  );
}
