import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { copyDemo } from './demo-db';
import { ROOT, startServer, tempDb, type RunningServer } from './server';

export { ROOT, startServer, tempDb, type RunningServer };

/** Screenshots, PDFs and PNGs a person should look at. */
export const OUTPUT_DIR = join(ROOT, 'test-output', 'e2e');

const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--lang=zh-CN',
];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS, headless: true });
}

/**
 * Motion off for the tests, in the harness only (the product keeps its transitions): every CSS
 * transition and animation runs in 1 ms (not 0, so transitionend still fires for whoever listens),
 * and spinners turn once. Mantine's JS-timed enter/leave still runs, but nothing is caught mid-fade.
 */
export const NO_MOTION_CSS = `*, *::before, *::after {
  transition-duration: 1ms !important; transition-delay: 0s !important;
  animation-duration: 1ms !important; animation-delay: 0s !important; animation-iteration-count: 1 !important;
  scroll-behavior: auto !important;
}`;

/**
 * A browser context as the tests use it: 1440×900, zh-CN, downloads kept, prefers-reduced-motion
 * (charts draw at once) and NO_MOTION_CSS in every page it opens, print windows included.
 */
export async function appContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    acceptDownloads: true,
    reducedMotion: 'reduce',
    ...options,
  });
  await context.addInitScript((css: string) => {
    const put = () => {
      const style = document.createElement('style');
      style.dataset.e2e = 'no-motion';
      style.textContent = css;
      (document.head ?? document.documentElement).appendChild(style);
    };
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', put, { once: true });
    else put();
  }, NO_MOTION_CSS);
  return context;
}

/** Opens the app in a new page (1440×900, zh-CN, motion off) and waits for the shell. */
export async function openApp(browser: Browser, server: RunningServer): Promise<Page> {
  const context = await appContext(browser);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('[page error]', e.message));
  await page.goto(server.url);
  await page.getByRole('navigation', { name: '主导航' }).waitFor();
  return page;
}

/** Saves a screenshot under test-output/e2e for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const path = join(OUTPUT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

/** The app as a describe block's tests share it: its server, browser and open page. */
export interface AppSession {
  readonly server: RunningServer;
  readonly browser: Browser;
  readonly page: Page;
  /** Closes the page and restarts the server on the same database, then opens the app again. */
  restart(): Promise<void>;
}

export interface AppOptions {
  /**
   * Starts on the demo data: a copy of the database 载入示例数据 made once for the run (demo-db.ts);
   * waits until the overview shows its 150 tasks. A spec about the button itself clicks it (loadDemo).
   */
  demo?: boolean;
  /** Prepares data through the core before the page opens. */
  seed?(server: RunningServer): Promise<void>;
}

/**
 * Clicks 载入示例数据 on the empty overview and waits until the task count reads 150. The living demo
 * issues and reads some twenty workbooks on the way: on a busy machine that takes a while.
 */
export async function loadDemo(page: Page): Promise<void> {
  await page.getByRole('button', { name: '载入示例数据' }).click();
  await page.getByTestId('count-task').filter({ hasText: /^150$/ }).waitFor({ timeout: 120_000 });
}

/**
 * Starts the server on a fresh temp database, a browser and the app before the describe block's
 * tests, and stops them after; the getters answer the running ones.
 */
export function useApp(options: AppOptions = {}): AppSession {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    const dbPath = tempDb();
    if (options.demo) copyDemo(dbPath);
    server = await startServer(dbPath);
    browser = await launchBrowser();
    await options.seed?.(server);
    page = await openApp(browser, server);
    if (options.demo) await page.getByTestId('count-task').filter({ hasText: /^150$/ }).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const running = <T>(what: string, value: T | undefined): T => {
    if (value === undefined) throw new Error(`the ${what} is not running: useApp starts it in beforeAll`);
    return value;
  };
  return {
    get server() {
      return running('server', server);
    },
    get browser() {
      return running('browser', browser);
    },
    get page() {
      return running('page', page);
    },
    async restart() {
      const { dbPath } = running('server', server);
      await running('page', page).context().close();
      await running('server', server).stop();
      server = await startServer(dbPath);
      page = await openApp(running('browser', browser), server);
    },
  };
}

/** Waits until a dialog has finished its opening transition (for a screenshot that shows it, not a fade). */
export async function dialogSettled(dialog: Locator): Promise<void> {
  await dialog.waitFor();
  const el = await dialog.elementHandle();
  // polled on a timer, not on animation frames: a page that paints rarely (busy machine) still answers
  await dialog.page().waitForFunction((e) => getComputedStyle(e).opacity === '1', el, { polling: 50 });
  await el.dispose();
}
