import { app, BrowserWindow, Menu } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startCore, type Core } from '../core';
import { registerIpc } from './ipc';
import { buildMenu } from './menu';
import { hardenSession, hardenWindow } from './security';
import { windowOptions } from './window-options';

let core: Core | null = null;
let mainWindow: BrowserWindow | null = null;

const resourcesDir = app.isPackaged ? join(process.resourcesPath, 'resources') : join(app.getAppPath(), 'resources');
const indexFile = join(__dirname, '../renderer/index.html');
const indexUrl = pathToFileURL(indexFile).toString();

async function createWindow(): Promise<void> {
  const win = new BrowserWindow(windowOptions(join(__dirname, '../preload/index.cjs')));
  mainWindow = win;
  hardenWindow(win, indexUrl);
  Menu.setApplicationMenu(buildMenu(win));
  win.once('ready-to-show', () => win.show());
  await win.loadFile(indexFile);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.whenReady().then(async () => {
    const userData = app.getPath('userData');
    core = await startCore(
      { dbPath: join(userData, 'qingdan.sqlite'), backupDir: join(userData, 'backups'), resourcesDir },
      { dailyBackup: true, warmParser: true, lightsAhead: true },
    );
    hardenSession();
    registerIpc(core.dispatch, indexUrl);
    await createWindow();
  });
  app.on('window-all-closed', () => {
    core?.close();
    app.quit();
  });
}
