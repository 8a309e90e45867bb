import { Stack, Text, Title } from '@mantine/core';
import { ROUTES, type RoutePath } from '../app/routes';

/** A page whose feature is not built yet says so plainly. */
export function PlaceholderPage({ route }: { route: RoutePath }) {
  const label = ROUTES.find((r) => r.path === route)?.label ?? '';
  return (
    <Stack p="md">
      <Title order={3}>{label}</Title>
      <Text c="dimmed">此功能尚在开发中。</Text>
    </Stack>
  );
}
