import { session, type BrowserWindow } from 'electron';
import { CSP, isAppUrl } from './window-options';

/** CSP on every response, no permissions, no navigation away, no new windows, no network. */
export function hardenSession(): void {
  const s = session.defaultSession;
  s.webRequest.onHeadersReceived((details, done) => {
    done({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  s.webRequest.onBeforeRequest((details, done) => {
    const ok = details.url.startsWith('file:') || details.url.startsWith('devtools:') || details.url.startsWith('data:') || details.url.startsWith('blob:');
    done({ cancel: !ok });
  });
  s.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
}

export function hardenWindow(win: BrowserWindow, indexUrl: string): void {
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (e, url) => {
    if (!isAppUrl(url, indexUrl)) e.preventDefault();
  });
  win.webContents.on('will-attach-webview', (e) => e.preventDefault());
}
