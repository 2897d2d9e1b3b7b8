import { type ComponentType, lazy, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { i18next, loadWorkspaceStrings, WORKSPACE_NAMESPACES } from './index';

/**
 * Around a signed-in page: its `t()` waits (Suspense) until the signed-in pages' strings are there in
 * the language shown, also right after the language changes, so no key ever shows raw.
 */
export function WorkspaceStrings({ children }: { children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18next} defaultNS={WORKSPACE_NAMESPACES}>
      {children}
    </I18nextProvider>
  );
}

/**
 * A lazy component that shows signed-in pages' strings: its chunk and those strings load side by side,
 * and it renders inside `WorkspaceStrings`.
 */
export function lazyWithWorkspaceStrings<P extends object>(load: () => Promise<{ default: ComponentType<P> }>) {
  return lazy(() =>
    Promise.all([load(), loadWorkspaceStrings()]).then(([{ default: Component }]) => ({
      default: (props: P) => (
        <WorkspaceStrings>
          <Component {...props} />
        </WorkspaceStrings>
      ),
    })),
  );
}
