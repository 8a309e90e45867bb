import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { writeFile } from 'node:fs/promises';
import type { Dispatch } from '../core/dispatch';

import { IPC } from './ipc-names';

function fromOurWindow(e: IpcMainInvokeEvent, indexUrl: string): boolean {
  const url = e.senderFrame?.url ?? '';
  return url.split('#')[0] === indexUrl.split('#')[0];
}

/** Routes every contract call to the same dispatch the dev server and tests use. */
export function registerIpc(dispatch: Dispatch, indexUrl: string): void {
  ipcMain.handle(IPC.rpc, (e, channel: unknown, input: unknown) => {
    if (!fromOurWindow(e, indexUrl) || typeof channel !== 'string') return { ok: false, error: { code: 'invalid_input', message: '拒绝来源不明的请求' } };
    return dispatch(channel, input);
  });
  ipcMain.handle(IPC.saveFile, async (e, defaultName: string, bytes: Uint8Array) => {
    if (!fromOurWindow(e, indexUrl)) return null;
    const win = BrowserWindow.fromWebContents(e.sender) ?? undefined;
    const r = await dialog.showSaveDialog(win!, { defaultPath: defaultName, title: '保存文件' });
    if (r.canceled || !r.filePath) return null;
    await writeFile(r.filePath, bytes);
    return r.filePath;
  });
  ipcMain.handle(IPC.chooseFolder, async (e) => {
    if (!fromOurWindow(e, indexUrl)) return null;
    const win = BrowserWindow.fromWebContents(e.sender) ?? undefined;
    const r = await dialog.showOpenDialog(win!, { properties: ['openDirectory', 'createDirectory'], title: '选择文件夹' });
    return r.canceled ? null : (r.filePaths[0] ?? null);
  });
  ipcMain.handle(IPC.print, (e) => {
    if (!fromOurWindow(e, indexUrl)) return false;
    return new Promise<boolean>((ok) => e.sender.print({ printBackground: true }, (success) => ok(success)));
  });
  ipcMain.handle(IPC.printToPdf, async (e, landscape: boolean) => {
    if (!fromOurWindow(e, indexUrl)) return null;
    return e.sender.printToPDF({ pageSize: 'A4', landscape, printBackground: true, preferCSSPageSize: true });
  });
}
