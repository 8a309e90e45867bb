import type { Api } from '../../shared/contract/channels';

/** Platform file helpers the preload adds in Electron. */
export interface DesktopFiles {
  saveFile(defaultName: string, bytes: Uint8Array): Promise<string | null>;
  chooseFolder(): Promise<string | null>;
  /** Prints the current window through the system dialog. */
  print(): Promise<boolean>;
  /** Renders the current window to PDF bytes (A4). */
  printToPdf(landscape: boolean): Promise<Uint8Array | null>;
}

declare global {
  interface Window {
    api?: Api;
    desktop?: DesktopFiles;
  }
}
