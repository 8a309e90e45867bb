import { zipSync } from 'fflate';
import { safeFileName } from './doc-format';

/**
 * One .zip of the issued templates, named after the period (2025年第5期_填报模板.zip), so a browser
 * saves one file instead of one download per unit. The workbooks are already compressed: stored as is.
 * Names are written in UTF-8 (flagged in the zip), which Windows Explorer, WPS and 7-Zip read.
 */
export function zipTemplates(periodName: string, files: readonly { fileName: string; bytes: Uint8Array }[]): { fileName: string; bytes: Uint8Array<ArrayBuffer> } {
  const entries = Object.fromEntries(files.map((f) => [f.fileName, [f.bytes, { level: 0 }] as [Uint8Array, { level: 0 }]]));
  return { fileName: safeFileName(`${periodName}_填报模板`, '.zip'), bytes: new Uint8Array(zipSync(entries)) };
}
