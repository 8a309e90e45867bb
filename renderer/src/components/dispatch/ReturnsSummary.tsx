import { Group, Paper, Text } from '@mantine/core';
import type { ReturnsPreview } from '../../../../shared/contract/schemas/exchange';

function Stat({ label, value, color }: { label: string; value: number; color?: string }) {
  return (
    <Group gap={4} align="baseline" wrap="nowrap">
      <Text size="sm" c="dimmed">{label}</Text>
      <Text fw={700} c={value > 0 ? color : undefined} style={{ fontVariantNumeric: 'tabular-nums' }}>{value}</Text>
    </Group>
  );
}

/** What applying the dropped files would do, in numbers. */
export function ReturnsSummary({ preview, periodName }: { preview: ReturnsPreview; periodName: string }) {
  const c = preview.counts;
  const blank = preview.files.filter((f) => f.blank);
  return (
    <Paper withBorder p="xs" data-testid="returns-summary">
      <Text size="sm" fw={600} mb={4}>
        预览：{c.files} 个文件，{c.okFiles} 个可导入「{periodName}」{c.files > c.okFiles && `，${c.files - c.okFiles} 个不能导入（见下方原因）`}
      </Text>
      <Group gap="lg">
        <Stat label="匹配行" value={c.rows} />
        <Stat label="新报送" value={c.newReports} color="teal.8" />
        <Stat label="更新报送" value={c.changedReports} color="indigo.8" />
        <Stat label="未变" value={c.unchangedReports} />
        <Stat label="条目更新" value={c.itemUpdates} color="indigo.8" />
        <Stat label="冲突" value={c.conflicts} color="orange.8" />
        <Stat label="错误" value={c.errors} color="red.8" />
        <Stat label="请核对" value={c.warnings} color="orange.8" />
      </Group>
      {blank.length > 0 && (
        <Text size="sm" c="orange.8" mt={4} data-testid="returns-blank">
          退回空表 {blank.length} 个（未填写任何内容，不计为报送，单位仍在催报名单中）：{blank.map((f) => f.name).join('、')}
        </Text>
      )}
    </Paper>
  );
}
