import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/charts/styles.css';
import './app/app.css';
import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { AppOrPrint } from './print/AppOrPrint';
import { theme } from './app/theme';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      <ModalsProvider labels={{ confirm: '确定', cancel: '取消' }}>
        {/* Top centre: over the page header, never over a drawer's or modal's 保存 footer. */}
        <Notifications position="top-center" />
        <AppOrPrint app={<App />} />
      </ModalsProvider>
    </MantineProvider>
  </StrictMode>,
);
