import { AppShell, Badge, Group, NavLink, ScrollArea, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AppInfo } from '../../../shared/contract/channels/core-channels';
import { call } from '../api/client';
import { AppInfoContext } from '../hooks/use-app-info';
import { useRoute } from '../hooks/use-route';
import { notifyError } from './notify';
import { PageSwitch } from './PageSwitch';
import { ROUTES } from './routes';

/** The window: left navigation in the order of the work, office and period always visible. */
export function App() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [route, go] = useRoute();
  const refresh = useCallback(async () => {
    try {
      setInfo(await call('app:info', {}));
    } catch (e) {
      notifyError(e);
    }
  }, []);
  useEffect(() => void refresh(), [refresh]);
  const state = useMemo(() => ({ info, refresh }), [info, refresh]);

  return (
    <AppInfoContext.Provider value={state}>
      <AppShell header={{ height: 48 }} navbar={{ width: 168, breakpoint: 0 }} padding="sm">
        <AppShell.Header px="md">
          <Group h="100%" justify="space-between">
            <Group gap="sm">
              <Title order={4}>清单通</Title>
              <Text size="sm" c="dimmed" data-testid="office-name">
                {info?.office.name || '未设置本办名称'}
              </Text>
            </Group>
            <Badge variant="light" size="lg" data-testid="current-period">
              {info?.currentPeriod ? `当前期次：${info.currentPeriod.name}` : '未开启调度期次'}
            </Badge>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p={4}>
          <ScrollArea>
            <nav aria-label="主导航">
              {ROUTES.map((r) => (
                <NavLink
                  key={r.path}
                  href={`#/${r.path}`}
                  label={r.label}
                  active={route === r.path}
                  onClick={(e) => (e.preventDefault(), go(r.path))}
                />
              ))}
            </nav>
          </ScrollArea>
        </AppShell.Navbar>
        <AppShell.Main style={{ height: '100vh', display: 'flex', flexDirection: 'column' }}>
          <PageSwitch route={route} />
        </AppShell.Main>
      </AppShell>
    </AppInfoContext.Provider>
  );
}
