import { Badge, Button, Group, Table, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { Unit } from '../../../../shared/contract/schemas/units';
import { byPinyin } from '../common/unit-options';

interface Props {
  units: readonly Unit[];
  onEdit(unit: Unit): void;
  onDelete(unit: Unit): void;
}

/** The unit directory as a dense table: name, aliases, kind, contact, phone, item count, actions. */
export function UnitTable({ units, onEdit, onDelete }: Props) {
  // The directory's own order (as the plans list the units) until the user sorts by name: then pinyin order.
  const [byName, setByName] = useState(false);
  const shown = useMemo(() => (byName ? byPinyin(units) : units), [units, byName]);
  return (
    <div style={{ flex: 1, minHeight: 0, overflow: 'auto' }}>
      <Table miw={900} striped highlightOnHover withTableBorder withColumnBorders stickyHeader fz="sm" verticalSpacing={4} aria-label="单位目录">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={220} aria-sort={byName ? 'ascending' : 'none'}>
              <UnstyledButton fw={700} fz="sm" onClick={() => setByName((v) => !v)} title={byName ? '恢复目录顺序' : '按拼音排序'}>
                单位名称 {byName ? '▲ 拼音' : '⇅'}
              </UnstyledButton>
            </Table.Th>
            <Table.Th>别名</Table.Th>
            <Table.Th w={100}>类别</Table.Th>
            <Table.Th w={90}>联系人</Table.Th>
            <Table.Th w={130}>电话</Table.Th>
            <Table.Th w={90} ta="right">承担条目</Table.Th>
            <Table.Th w={130}>操作</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((u) => (
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
