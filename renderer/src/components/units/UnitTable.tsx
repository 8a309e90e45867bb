import { Badge, Button, Group, Table, Text, Tooltip } from '@mantine/core';
import type { Unit } from '../../../../shared/contract/schemas/units';

interface Props {
  units: readonly Unit[];
  onEdit(unit: Unit): void;
  onDelete(unit: Unit): void;
}

/** The unit directory as a dense table: name, aliases, kind, contact, phone, item count, actions. */
export function UnitTable({ units, onEdit, onDelete }: Props) {
  return (
    <div style={{ flex: 1, minHeight: 0, overflow: 'auto' }}>
      <Table miw={900} striped highlightOnHover withTableBorder withColumnBorders stickyHeader fz="sm" verticalSpacing={4} aria-label="单位目录">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={220}>单位名称</Table.Th>
            <Table.Th>别名</Table.Th>
            <Table.Th w={100}>类别</Table.Th>
            <Table.Th w={90}>联系人</Table.Th>
            <Table.Th w={130}>电话</Table.Th>
            <Table.Th w={90} ta="right">承担条目</Table.Th>
            <Table.Th w={130}>操作</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {units.map((u) => (
            <Table.Tr key={u.id}>
              <Table.Th scope="row" fw={500}>
                {u.name}
              </Table.Th>
              <Table.Td>
                <Group gap={4}>
                  {u.aliases.map((a) => (
                    <Badge key={a} variant="outline" color="gray" size="sm" radius="sm" fw={400} styles={{ label: { textTransform: 'none' } }}>
                      {a}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>{u.kind}</Table.Td>
              <Table.Td>{u.contact}</Table.Td>
              <Table.Td>{u.phone}</Table.Td>
              <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {u.itemCount}
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Button size="compact-xs" variant="light" aria-label={`编辑 ${u.name}`} onClick={() => onEdit(u)}>
                    编辑
                  </Button>
                  <Tooltip label={`仍承担 ${u.itemCount} 项条目，可先合并到其他单位`} disabled={u.itemCount === 0}>
                    <Button size="compact-xs" variant="subtle" color="red" aria-label={`删除 ${u.name}`} disabled={u.itemCount > 0} onClick={() => onDelete(u)}>
                      删除
                    </Button>
                  </Tooltip>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {units.length === 0 && (
        <Text c="dimmed" size="sm" p="md">
          没有单位。导入清单时会自动建立单位目录，也可以点“新增单位”。
        </Text>
      )}
    </div>
  );
}
