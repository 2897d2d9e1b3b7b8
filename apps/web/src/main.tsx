import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import '@mantine/core/styles.css';
import './ui/global.css';
import { App, createQueryClient } from './app';
import { i18nReady } from './i18n';

void i18nReady;
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Suspense fallback={null}>
      <App queryClient={createQueryClient()} />
    </Suspense>
  </StrictMode>,
);
