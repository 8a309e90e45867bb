import { ActionIcon, Popover, TextInput, type TextInputProps } from '@mantine/core';
import { useEffect, useState } from 'react';
import { chineseDate, parseDateText } from './date-text';
import { MonthCalendar } from './MonthCalendar';

/** A small calendar glyph drawn inline (no icon font, offline). */
export function CalendarGlyph() {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.5">
      <rect x="1.5" y="3" width="13" height="11.5" rx="1.5" />
      <path d="M1.5 6.5h13M5 1.5v3M11 1.5v3" />
    </svg>
  );
}

/** A button that opens the Chinese month calendar and hands back the picked ISO date. */
export function DatePickButton({ value, onPick, label = '选择日期' }: { value: string | null; onPick(iso: string): void; label?: string }) {
  const [open, setOpen] = useState(false);
  return (
    <Popover opened={open} onChange={setOpen} position="bottom-end" shadow="md" withinPortal trapFocus>
      <Popover.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={label} onClick={() => setOpen((o) => !o)}>
          <CalendarGlyph />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <MonthCalendar value={value} onPick={(d) => (setOpen(false), onPick(d))} />
      </Popover.Dropdown>
    </Popover>
  );
}

type Props = Omit<TextInputProps, 'value' | 'onChange' | 'rightSection' | 'error'> & {
  /** ISO date (2025-06-30), or '' for none; free text kept as is when `free`. */
  value: string;
  onChange(value: string): void;
  /** Keep text that is not a date (a 批示日期 such as "1月下旬") instead of refusing it. */
  free?: boolean;
};

/**
 * A date typed as 2025-06-30, 2025/6/30 or 2025年6月30日 (or picked from a Chinese calendar), shown as
 * 2025年6月30日 whatever the browser's locale; hands back ISO. Replaces the native date input,
 * which shows mm/dd/yyyy under Chromium's English locale.
 */
export function ChineseDateInput({ value, onChange, free, ...rest }: Props) {
  const [text, setText] = useState(chineseDate(value));
  const [bad, setBad] = useState(false);
  useEffect(() => (setText(chineseDate(value)), setBad(false)), [value]);
  const commit = (t: string) => {
    const iso = parseDateText(t);
    if (!t.trim()) return (setBad(false), onChange(''));
    if (iso) return (setBad(false), setText(chineseDate(iso)), onChange(iso));
    if (free) return (setBad(false), onChange(t.trim()));
    setBad(true);
  };
  return (
    <TextInput
      placeholder="如 2025-06-30 或 2025年6月30日"
      {...rest}
      value={text}
      error={bad ? '请按 2025-06-30 或 2025年6月30日 填写日期' : undefined}
      onChange={(e) => setText(e.currentTarget.value)}
      onBlur={(e) => commit(e.currentTarget.value)}
      onKeyDown={(e) => e.key === 'Enter' && commit(e.currentTarget.value)}
      rightSection={<DatePickButton value={parseDateText(value) ?? null} onPick={(d) => (setText(chineseDate(d)), onChange(d))} />}
    />
  );
}
