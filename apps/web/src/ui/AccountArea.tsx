import { useEffect, useState } from 'react';
import { Indicator, Menu, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { api, unwrap } from '../api/client';
import { keys } from '../api/keys';
import type { Me } from '../features/identity/hooks/useMe';
import { useLogout } from '../features/identity/hooks/useLogout';
import classes from './Layout.module.css';

const SEEN_KEY = 'grants.notificationsSeenAt';

/** Notifications newer than the last visit of /notifications (remembered in this browser). */
function useUnreadCount() {
  const { pathname } = useLocation();
  const list = useQuery({
    queryKey: keys.notifications,
    queryFn: () => unwrap(api.GET('/api/v1/me/notifications', { params: { query: { pageSize: 20 } } })),
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

/**
 * The signed-in part of the header: notifications with the unread count and the account menu.
 * Its own chunk: a visitor's browser never loads the menu's positioning code.
 */
export default function AccountArea({ me }: { me: Me }) {
  const { t } = useTranslation();
  const logout = useLogout();
  const unread = useUnreadCount();
  return (
    <>
      <Indicator label={unread} size={16} disabled={!unread} offset={4} color="red.8">
        <Link to="/notifications" className={classes.bell} aria-label={t('nav.notificationsCount', { count: unread })}>
          <BellIcon />
        </Link>
      </Indicator>
      <Menu position="bottom-end" width={240}>
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
    </>
  );
}
