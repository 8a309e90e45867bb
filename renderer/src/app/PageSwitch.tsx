import { OverviewPage } from '../pages/OverviewPage';
import { PlaceholderPage } from '../pages/PlaceholderPage';
import type { RoutePath } from './routes';

/** Shows the page for a route. */
export function PageSwitch({ route }: { route: RoutePath }) {
  switch (route) {
    case 'overview':
      return <OverviewPage />;
    default:
      return <PlaceholderPage route={route} />;
  }
}
