import type { BrowserWindowConstructorOptions } from 'electron';

/** The one place the window's security options are set (tested). */
export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    title: '清单通',
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      spellcheck: false,
      devTools: true,
    },
  };
}

/** Same policy as renderer/index.html and the dev server: this app's own files only. */
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

/** Whether a navigation stays inside the packaged renderer. */
export function isAppUrl(url: string, rendererIndexUrl: string): boolean {
  try {
    const u = new URL(url);
    const base = new URL(rendererIndexUrl);
    return u.protocol === 'file:' && u.pathname === base.pathname;
  } catch {
    return false;
  }
}
