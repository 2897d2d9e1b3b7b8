import { Anchor, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

/** The sections of one competition in the administrator's workspace. */
export function CompetitionNav({ id }: { id: string }) {
  const { t } = useTranslation();
  const links = [
    { to: `/admin/competitions/${id}`, key: 'admin.nav.overview', end: true },
    { to: `/admin/competitions/${id}/applications`, key: 'admin.nav.applications' },
    { to: `/admin/competitions/${id}/experts`, key: 'admin.nav.experts' },
    { to: `/admin/competitions/${id}/ranking`, key: 'admin.nav.ranking' },
  ];
  return (
    <nav aria-label={t('admin.nav.label')}>
      <Group gap="md" wrap="wrap">
        {links.map((l) => (
          <Anchor key={l.to} component={NavLink} to={l.to} end={l.end} fw={500}>
            {t(l.key)}
          </Anchor>
        ))}
      </Group>
    </nav>
  );
}
