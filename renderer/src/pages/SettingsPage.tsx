import { Loader, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { BackupPanel } from '../components/settings/BackupPanel';
import { OfficeForm } from '../components/settings/OfficeForm';
import { PreferencesForm } from '../components/settings/PreferencesForm';
import { useAppInfo } from '../hooks/use-app-info';

/** 设置: 本办, operator and backup settings, 数据备份. */
export function SettingsPage() {
  const { info, refresh } = useAppInfo();
  if (!info) return <Loader m="md" size="sm" />;
  return (
    <ScrollArea style={{ flex: 1, minHeight: 0 }}>
      <Stack gap="md" maw={960} pb="xl">
        <Title order={3}>设置</Title>
        <OfficeForm office={info.office} onSaved={refresh} />
        <PreferencesForm settings={info.settings} onSaved={refresh} />
        <BackupPanel onRestored={refresh} />
        <Text size="xs" c="dimmed" data-testid="db-path">
          数据库文件：{info.dbPath}
        </Text>
      </Stack>
    </ScrollArea>
  );
}
