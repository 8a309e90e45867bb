/**
 * One measured exchange run in its own process (clean memory numbers); prints one JSON line.
 *   returns-read  <db> <file>…   baseline: the 30 returned files parsed by the reader returns use
 *   returns       <db> <file>…   the app: returns:preview, then returns:apply (one batch)
 */
import { readFileSync } from 'node:fs';
import { readAppWorkbook } from '../electron/core/excel/app-workbook-reader';
import { connect } from './exchange-setup';
import { createLaps } from './measure';

const { lap, markIdle, print } = createLaps();

type Files = { name: string; bytes: Uint8Array<ArrayBuffer> }[];

/** Baseline: each returned file parsed once by the reader the returns code uses; answers the data rows. */
async function returnsRead(files: Files): Promise<number> {
  let rows = 0;
  for (const f of files) {
    const wb = await readAppWorkbook(f.bytes, f.name);
    for (const l of wb.meta?.sheets ?? []) rows += l.lastDataRow - l.firstDataRow + 1;
  }
  lap('parse');
  return rows;
}

/** The app: preview (what the user sees first), then apply (reads again, writes one batch). */
async function returns(dbPath: string, files: Files): Promise<number> {
  const { ctx, call } = connect(dbPath);
  const preview = await call('returns:preview', { files });
  lap('preview');
  const applied = await call('returns:apply', { files });
  lap('apply');
  ctx.close();
  if (preview.counts.errors) throw new Error(`${preview.counts.errors} errors in preview`);
  return applied.counts.newReports;
}

const [mode, dbPath, ...inputs] = process.argv.slice(2);
const files: Files = inputs.map((p) => ({ name: p.split(/[\\/]/).at(-1)!, bytes: new Uint8Array(readFileSync(p)) }));
lap('load');
markIdle();
print(mode, mode === 'returns' ? await returns(dbPath, files) : await returnsRead(files));
