import { ActionIcon, Group, SimpleGrid, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { chineseDate, monthGrid } from './date-text';

const WEEK = ['一', '二', '三', '四', '五', '六', '日'];
const todayIso = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

function DayButton({ day, selected, today, onPick }: { day: string; selected: boolean; today: boolean; onPick(iso: string): void }) {
  return (
    <UnstyledButton
      aria-label={chineseDate(day)}
      aria-pressed={selected}
      onClick={() => onPick(day)}
      style={{
        textAlign: 'center',
        borderRadius: 4,
        fontSize: 13,
        lineHeight: '30px',
        background: selected ? 'var(--mantine-color-blue-filled)' : undefined,
        color: selected ? 'white' : undefined,
        outline: today ? '1px solid var(--mantine-color-blue-4)' : undefined,
      }}
    >
      {Number(day.slice(8))}
    </UnstyledButton>
  );
}

/** A month of days in Chinese (2025年6月, 一 … 日), Monday first; clicking a day picks it. */
export function MonthCalendar({ value, onPick }: { value: string | null; onPick(iso: string): void }) {
  const start = value ?? todayIso();
  const [ym, setYm] = useState({ y: Number(start.slice(0, 4)), m: Number(start.slice(5, 7)) });
  const move = (delta: number) => setYm(({ y, m }) => ({ y: y + Math.floor((m - 1 + delta) / 12), m: ((((m - 1 + delta) % 12) + 12) % 12) + 1 }));
  const today = todayIso();
  return (
    <div role="group" aria-label="日历" style={{ width: 252 }}>
      <Group justify="space-between" mb={4}>
        <ActionIcon variant="subtle" size="sm" aria-label="上个月" onClick={() => move(-1)}>‹</ActionIcon>
        <Text size="sm" fw={600} aria-live="polite">{`${ym.y}年${ym.m}月`}</Text>
        <ActionIcon variant="subtle" size="sm" aria-label="下个月" onClick={() => move(1)}>›</ActionIcon>
      </Group>
      <SimpleGrid cols={7} spacing={2} verticalSpacing={2}>
        {WEEK.map((w) => (
          <Text key={w} size="xs" c="dimmed" ta="center">{w}</Text>
        ))}
        {monthGrid(ym.y, ym.m).map((d, i) =>
          d ? (
            <DayButton key={d} day={d} selected={d === value} today={d === today} onPick={onPick} />
          ) : (
            <span key={`b${i}`} />
          ),
        )}
      </SimpleGrid>
      <Group justify="flex-end" mt={4}>
        <UnstyledButton fz="xs" c="blue" onClick={() => onPick(today)}>今天</UnstyledButton>
      </Group>
    </div>
  );
}
