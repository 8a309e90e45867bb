import type { Api } from '../../shared/contract/channels';

/** Platform file helpers the preload adds in Electron. */
export interface DesktopFiles {
  saveFile(defaultName: string, bytes: Uint8Array): Promise<string | null>;
  chooseFolder(): Promise<string | null>;
}

declare global {
  interface Window {
    api?: Api;
    desktop?: DesktopFiles;
  }
}
