import { type ReactNode, Suspense, useEffect, useState } from 'react';
import { Burger, Button, Container, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation } from 'react-router';
import { type Role, useMe } from '../features/identity/hooks/useMe';
import { useLanguage } from '../features/identity/hooks/useLanguage';
import { lazyWithWorkspaceStrings } from '../i18n/PageStrings';
import classes from './Layout.module.css';

/** Signed in only: its chunk and the signed-in pages' strings (it names the person's role). */
const AccountArea = lazyWithWorkspaceStrings(() => import('./AccountArea'));

/** The navigation of each role (a visitor's first). */
const NAV: Record<Role | 'visitor', Array<{ to: string; key: string }>> = {
  visitor: [
    { to: '/competitions', key: 'nav.competitions' },
    { to: '/reports', key: 'nav.reports' },
  ],
  applicant: [
    { to: '/my', key: 'nav.my' },
    { to: '/competitions', key: 'nav.competitions' },
    { to: '/organization', key: 'nav.organization' },
  ],
  consultant: [
    { to: '/consultations', key: 'nav.consultations' },
    { to: '/competitions', key: 'nav.competitions' },
  ],
  expert: [
    { to: '/reviews', key: 'nav.reviews' },
    { to: '/reviews/conflicts', key: 'nav.conflicts' },
  ],
  admin: [
    { to: '/admin', key: 'nav.admin' },
    { to: '/admin/grants', key: 'nav.grants' },
    { to: '/admin/users', key: 'nav.users' },
    { to: '/admin/notifications', key: 'nav.mails' },
  ],
};

function LanguageSwitch() {
  const { language, change } = useLanguage();
  const other = language === 'ru' ? 'en' : 'ru';
  return (
    <Button
      variant="default"
      size="compact-sm"
      onClick={() => change(other)}
      lang={other}
      aria-label={other === 'en' ? 'English' : 'Русский'}
    >
      {other === 'en' ? 'EN' : 'RU'}
    </Button>
  );
}

/** Header (brand, the role's navigation, language, notifications, account), main, footer. */
export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const user = me.data ?? null;
  const nav = NAV[user?.role ?? 'visitor'];
  const [menuOpen, setMenuOpen] = useState(false);
  const { pathname, search } = useLocation();
  useEffect(() => setMenuOpen(false), [pathname]);

  const links = nav.map((item) => (
    <NavLink key={item.to} to={item.to} end={item.to === '/admin' || item.to === '/reviews'} className={classes.link}>
      {t(item.key)}
    </NavLink>
  ));

  return (
    <div className={classes.shell}>
      <a href="#main" className={classes.skip}>
        {t('nav.skip')}
      </a>
      <header className={classes.header}>
        <Container size="lg" className={classes.headerInner}>
          <Group gap="xs" wrap="nowrap">
            <Burger
              opened={menuOpen}
              onClick={() => setMenuOpen((o) => !o)}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('nav.menu')}
              aria-expanded={menuOpen}
              aria-controls="mobile-nav"
            />
            <Link to="/" className={classes.brand}>
              <span className={classes.logo} aria-hidden="true">
                Г
              </span>
              <span>{t('app.name')}</span>
            </Link>
          </Group>
          <nav aria-label={t('nav.main')} className={classes.nav}>
            {links}
          </nav>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitch />
            {user ? (
              <Suspense fallback={null}>
                <AccountArea me={user} />
              </Suspense>
            ) : (
              me.isSuccess &&
              pathname !== '/login' && (
                <Button component={Link} to={`/login?next=${encodeURIComponent(pathname + search)}`} size="compact-md">
                  {t('nav.login')}
                </Button>
              )
            )}
          </Group>
        </Container>
        {menuOpen && (
          <nav id="mobile-nav" aria-label={t('nav.main')} className={classes.mobileNav}>
            <Container size="lg">{links}</Container>
          </nav>
        )}
      </header>
      <main id="main" className={classes.main} tabIndex={-1}>
        <Container size="lg">{children}</Container>
      </main>
      <footer className={classes.footer}>
        <Container size="lg">
          <Text size="sm" c="dimmed">
            {t('app.footer')}
          </Text>
        </Container>
      </footer>
    </div>
  );
}
