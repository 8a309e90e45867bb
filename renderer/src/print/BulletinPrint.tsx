import { useEffect } from 'react';
import { call } from '../api/client';
import { PageRule } from './PageRule';
import { usePrintData } from './use-print-data';

/** The kept bulletin, or a fresh draft when none is kept yet. */
async function load(periodId: number): Promise<{ title: string; body: string; kept: boolean }> {
  const kept = await call('bulletins:get', { periodId });
  if (kept) return { title: kept.title, body: kept.body, kept: true };
  const draft = await call('bulletins:draft', { periodId });
  return { title: draft.title, body: draft.body, kept: false };
}

/** Part headings (一、…) in 黑体. */
function lineClass(line: string): string | undefined {
  return /^[一二三四五六七八九十]+、/.test(line) ? 'qd-bulletin-h' : undefined;
}

/** 调度通报 as an A4 portrait document. */
export function BulletinPrint({ periodId, onReady }: { periodId: number; onReady(title: string): void }) {
  const { data, error } = usePrintData(() => load(periodId), [periodId]);
  useEffect(() => {
    if (data) onReady(data.title);
  }, [data, onReady]);
  if (error) return <p className="qd-print-empty">{error}</p>;
  if (!data) return <p className="qd-print-empty">正在准备打印内容…</p>;
  const lines = data.body.replace(/\s+$/, '').split('\n');
  // The sign-off: the short lines (office, date) after the last blank line.
  const lastBlank = lines.lastIndexOf('');
  const tail = lines.slice(lastBlank + 1);
  const signFrom = lastBlank >= 0 && tail.length <= 3 && tail.every((l) => [...l].length <= 30) ? lastBlank + 1 : lines.length;
  return (
    <div className="qd-print qd-bulletin" data-print-ready="true" data-kept={data.kept}>
      <PageRule orientation="portrait" />
      <h1>{data.title}</h1>
      {lines.slice(0, signFrom).map((line, i) => (
        <p key={i} className={lineClass(line)}>
          {line || '\u00a0'}
        </p>
      ))}
      <div className="qd-bulletin-signoff">
        {lines.slice(signFrom).map((line, i) => (
          <p key={i} className="qd-bulletin-sign">
            {line}
          </p>
        ))}
      </div>
    </div>
  );
}
