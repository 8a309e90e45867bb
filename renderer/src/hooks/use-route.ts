import { useEffect, useState } from 'react';
import { currentRoute, type RoutePath } from '../app/routes';

/** The page shown, following the address hash. */
export function useRoute(): [RoutePath, (p: RoutePath) => void] {
  const [route, setRoute] = useState<RoutePath>(currentRoute());
  useEffect(() => {
    const on = () => setRoute(currentRoute());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return [route, (p) => (location.hash = `#/${p}`)];
}
