import { useEffect } from 'react';
import { Anchor, createTheme, MantineProvider } from '@mantine/core';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, useLocation, useNavigate } from 'react-router';
import { ApiError } from './api/client';
import { keys } from './api/keys';
import { sessionEvents } from './api/session';
import { useSessionLanguage } from './features/identity/hooks/useSessionLanguage';
import { AppRoutes } from './routes';
import { Layout } from './ui/Layout';

export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 8,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '700', sizes: { h1: { fontSize: '2rem', lineHeight: '1.25' } } },
  defaultRadius: 'md',
  cursorType: 'pointer',
  components: {
    // Links inside text are underlined (not told apart by colour alone).
    Anchor: Anchor.extend({ defaultProps: { underline: 'always' } }),
  },
});

/** A 401 on anything but GET /me while someone was signed in: the session ended. */
function onError(error: unknown, client: () => QueryClient) {
  if (error instanceof ApiError && error.status === 401 && client().getQueryData(keys.me)) {
    client().setQueryData(keys.me, null);
    sessionEvents.expired();
  }
}

export function createQueryClient() {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error) => onError(error, () => client) }),
    mutationCache: new MutationCache({ onError: (error) => onError(error, () => client) }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      },
    },
  });
  return client;
}

/** Sends a person whose session expired to the login page, and back here afterwards. */
function SessionExpiry() {
  const navigate = useNavigate();
  const location = useLocation();
  useEffect(
    () =>
      sessionEvents.onExpired(() =>
        navigate(`/login?next=${encodeURIComponent(location.pathname + location.search)}`, {
          state: { expired: true },
        }),
      ),
    [navigate, location],
  );
  return null;
}

function SessionLanguage() {
  useSessionLanguage();
  return null;
}

export function App({ queryClient }: { queryClient: QueryClient }) {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <SessionExpiry />
          <SessionLanguage />
          <Layout>
            <AppRoutes />
          </Layout>
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  );
}
