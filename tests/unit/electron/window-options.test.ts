import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSP, isAppUrl, windowOptions } from '../../../electron/main/window-options';
import { CSP as DEV_CSP } from '../../../electron/dev-server/http-server';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

describe('Electron window security', () => {
  it('isolates and sandboxes the renderer, with no Node integration', () => {
    const prefs = windowOptions('/x/preload.cjs').webPreferences!;
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.preload).toBe('/x/preload.cjs');
  });

  it('has a CSP that allows no remote origin, the same in Electron, the dev server and index.html', () => {
    for (const csp of [CSP, DEV_CSP]) {
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).not.toMatch(/https?:|\*/);
    }
    const html = readFileSync(join(__dirname, '../../../renderer/index.html'), 'utf8');
    expect(html).toContain("connect-src 'self'");
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('only lets the window navigate to its own index file', () => {
    const index = 'file:///opt/app/out/renderer/index.html';
    expect(isAppUrl('file:///opt/app/out/renderer/index.html#/tasks', index)).toBe(true);
    expect(isAppUrl('https://example.com/', index)).toBe(false);
    expect(isAppUrl('file:///etc/passwd', index)).toBe(false);
  });

  it('keeps electron/core free of electron imports', () => {
    const offenders = filesUnder(join(__dirname, '../../../electron/core')).filter((f) =>
      /from ['"]electron['"]|require\(['"]electron['"]\)/.test(readFileSync(f, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
