import { useEffect, useState, type ReactNode } from 'react';
import { isPrintHash } from './print-route';
import { PrintRoot } from './PrintRoot';

/** Shows a print view (#/print/…) without the app shell, the app otherwise; follows the address. */
export function AppOrPrint({ app }: { app: ReactNode }) {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const on = () => setHash(location.hash);
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return isPrintHash(hash) ? <PrintRoot key={hash} hash={hash} /> : <>{app}</>;
}
