import { ImportPage } from '../pages/ImportPage';
import { ItemsPage } from '../pages/ItemsPage';
import { DispatchPage } from '../pages/DispatchPage';
import { DocumentsPage } from '../pages/DocumentsPage';
import { EvaluationPage } from '../pages/EvaluationPage';
import { ExportPrintPage } from '../pages/ExportPrintPage';
import { OverviewPage } from '../pages/OverviewPage';
import { PlaceholderPage } from '../pages/PlaceholderPage';
import { SettingsPage } from '../pages/SettingsPage';
import { UnitsPage } from '../pages/UnitsPage';
import type { RoutePath } from './routes';

/** Shows the page for a route. */
export function PageSwitch({ route }: { route: RoutePath }) {
  switch (route) {
    case 'overview':
      return <OverviewPage />;
    case 'tasks':
      return <ItemsPage key="task" kind="task" />;
    case 'projects':
      return <ItemsPage key="project" kind="project" />;
    case 'policies':
      return <ItemsPage key="policy" kind="policy" />;
    case 'indicators':
      return <ItemsPage key="indicator" kind="indicator" />;
    case 'import':
      return <ImportPage />;
    case 'units':
      return <UnitsPage />;
    case 'settings':
      return <SettingsPage />;
    case 'export':
      return <ExportPrintPage />;
    case 'dispatch':
      return <DispatchPage />;
    case 'evaluation':
      return <EvaluationPage />;
    case 'documents':
      return <DocumentsPage />;
    default:
      return <PlaceholderPage route={route} />;
  }
}
