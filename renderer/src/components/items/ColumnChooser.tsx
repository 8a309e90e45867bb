import { Button, Checkbox, Menu } from '@mantine/core';
import type { ColumnPrefs } from '../../hooks/use-column-prefs';

/** A checkbox menu of the list's columns; the choice is kept per list. */
export function ColumnChooser({ prefs }: { prefs: ColumnPrefs }) {
  return (
    <Menu closeOnItemClick={false} position="bottom-end" shadow="md" withinPortal>
      <Menu.Target>
        <Button size="xs" variant="default">
          显示列
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>勾选要显示的列</Menu.Label>
        {prefs.all.map((c) => (
          <Menu.Item key={c.key} onClick={() => prefs.toggle(c.key)}>
            <Checkbox size="xs" label={c.label} checked={prefs.isVisible(c.key)} readOnly tabIndex={-1} style={{ pointerEvents: 'none' }} />
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item onClick={prefs.reset}>恢复默认列和列宽</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
