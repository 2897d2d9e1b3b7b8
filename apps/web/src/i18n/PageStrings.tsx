import { type ComponentType, lazy, type LazyExoticComponent, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { i18next, loadStrings, type Namespace, WORKSPACE_NAMESPACES } from './index';

/**
 * Around a page: its `t()` waits (Suspense) until the strings of these namespaces are there in the
 * language shown, also right after the language changes, so no key ever shows raw.
 */
export function PageStrings({ namespaces, children }: { namespaces: Namespace[]; children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18next} defaultNS={namespaces}>
      {children}
    </I18nextProvider>
  );
}

/** A lazy page that also starts loading early: `preload()` fetches its chunk and its strings. */
export type LazyPage<P extends object> = LazyExoticComponent<ComponentType<P>> & { preload: () => Promise<unknown> };

/**
 * A lazy component that shows the strings of these namespaces (besides the layout's, which every page
 * has): its chunk and those strings load side by side, and it renders inside `PageStrings`.
 */
export function lazyWithStrings<P extends object>(
  namespaces: Namespace[],
  load: () => Promise<{ default: ComponentType<P> }>,
): LazyPage<P> {
  const all: Namespace[] = ['translation', ...namespaces.filter((n) => n !== 'translation')];
  const preload = () => Promise.all([load(), loadStrings(all)]);
  const page = lazy(() =>
    preload().then(([{ default: Component }]) => ({
      default: (props: P) => (
        <PageStrings namespaces={all}>
          <Component {...props} />
        </PageStrings>
      ),
    })),
  );
  return Object.assign(page, { preload });
}

/** A lazy component of the signed-in pages: it may show strings of every namespace. */
export const lazyWithWorkspaceStrings = <P extends object>(load: () => Promise<{ default: ComponentType<P> }>) =>
  lazyWithStrings(WORKSPACE_NAMESPACES, load);
