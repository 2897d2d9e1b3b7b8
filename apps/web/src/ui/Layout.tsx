import { type ReactNode, useEffect, useState } from 'react';
import {
  Anchor,
  Burger,
  Button,
  Container,
  Drawer,
  Group,
  Indicator,
  Menu,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation } from 'react-router';
import { api, unwrap } from '../api/client';
import { keys } from '../api/keys';
import { type Me, type Role, useMe } from '../features/identity/hooks/useMe';
import { useLanguage } from '../features/identity/hooks/useLanguage';
import { useLogout } from '../features/identity/hooks/useLogout';
import classes from './Layout.module.css';

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

const SEEN_KEY = 'grants.notificationsSeenAt';

/** Notifications newer than the last visit of /notifications (remembered in this browser). */
function useUnreadCount(me: Me | null | undefined) {
  const { pathname } = useLocation();
  const list = useQuery({
    queryKey: keys.notifications,
    queryFn: () => unwrap(api.GET('/api/v1/me/notifications', { params: { query: { pageSize: 20 } } })),
    enabled: !!me,
    staleTime: 60_000,
  });
  const [seenAt, setSeenAt] = useState(() => localStorage.getItem(SEEN_KEY) ?? '');
  useEffect(() => {
    if (pathname === '/notifications') {
      const now = new Date().toISOString();
      localStorage.setItem(SEEN_KEY, now);
      setSeenAt(now);
    }
  }, [pathname]);
  return (list.data?.items ?? []).filter((n) => n.status !== 'voided' && n.createdAt > seenAt).length;
}

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

function AccountMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const logout = useLogout();
  return (
    <Menu position="bottom-end" width={220}>
      <Menu.Target>
        <UnstyledButton className={classes.account} aria-label={t('nav.accountMenu', { name: me.fullName })}>
          <span className={classes.avatar} aria-hidden="true">
            {me.fullName.slice(0, 1).toUpperCase()}
          </span>
          <span className={classes.accountName}>{me.fullName}</span>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t(`roles.${me.role}`)}</Menu.Label>
        <Menu.Item component={Link} to="/account">
          {t('nav.account')}
        </Menu.Item>
        {me.role === 'applicant' && (
          <Menu.Item component={Link} to="/organization">
            {t('nav.organization')}
          </Menu.Item>
        )}
        <Menu.Item component={Link} to="/notifications">
          {t('nav.notifications')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item onClick={() => logout.mutate()}>{t('nav.logout')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

function BellIcon() {
  return (
    <svg
      width="20"
      height="20"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const user = me.data ?? null;
  const nav = NAV[user?.role ?? 'visitor'];
  const unread = useUnreadCount(user);
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
            {user && (
              <Indicator label={unread} size={16} disabled={!unread} offset={4} color="red">
                <Anchor
                  component={Link}
                  to="/notifications"
                  className={classes.bell}
                  aria-label={t('nav.notificationsCount', { count: unread })}
                >
                  <BellIcon />
                </Anchor>
              </Indicator>
            )}
            {user ? (
              <AccountMenu me={user} />
            ) : (
              me.isSuccess &&
              pathname !== '/login' && (
                <Button component={Link} to={`/login?next=${encodeURIComponent(pathname + search)}`} size="sm">
                  {t('nav.login')}
                </Button>
              )
            )}
          </Group>
        </Container>
      </header>
      <Drawer opened={menuOpen} onClose={() => setMenuOpen(false)} title={t('app.name')} size="xs" hiddenFrom="sm">
        <nav aria-label={t('nav.main')}>
          <Stack gap={4} className={classes.drawerNav}>
            {links}
          </Stack>
        </nav>
      </Drawer>
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
