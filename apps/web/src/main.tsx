import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import '@mantine/core/styles.css';
import './ui/global.css';
import { App, createQueryClient } from './app';
import { i18nReady } from './i18n';
import { preloadRoute } from './routes';

void i18nReady;
const queryClient = createQueryClient();
preloadRoute(window.location.pathname, queryClient);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Suspense fallback={null}>
      <App queryClient={queryClient} />
    </Suspense>
  </StrictMode>,
);
