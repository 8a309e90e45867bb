import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS, type Api } from '../../shared/contract/channels';
import { IPC } from '../main/ipc-names';

const allowed = new Set<string>(CHANNELS);

/** window.api: one typed invoke over the contract's channels, nothing else. */
const api: Api = {
  invoke: (channel, input) => {
    if (!allowed.has(channel)) return Promise.resolve({ ok: false, error: { code: 'not_found', message: `未知的请求：${String(channel)}` } });
    return ipcRenderer.invoke(IPC.rpc, channel, input);
  },
};

/** Platform file helpers (native dialogs) and printing. */
const desktop = {
  saveFile: (defaultName: string, bytes: Uint8Array): Promise<string | null> => ipcRenderer.invoke(IPC.saveFile, defaultName, bytes),
  chooseFolder: (): Promise<string | null> => ipcRenderer.invoke(IPC.chooseFolder),
  print: (): Promise<boolean> => ipcRenderer.invoke(IPC.print),
  printToPdf: (landscape: boolean): Promise<Uint8Array | null> => ipcRenderer.invoke(IPC.printToPdf, landscape),
};

contextBridge.exposeInMainWorld('api', api);
contextBridge.exposeInMainWorld('desktop', desktop);
