import { createContext, useContext } from 'react';
import type { AppInfo } from '../../../shared/contract/channels/core-channels';

/** App-wide state: office, settings, counts, current period; `refresh` re-reads it. */
export interface AppState {
  info: AppInfo | null;
  refresh(): Promise<void>;
}

export const AppInfoContext = createContext<AppState>({ info: null, refresh: async () => {} });

export function useAppInfo(): AppState {
  return useContext(AppInfoContext);
}
