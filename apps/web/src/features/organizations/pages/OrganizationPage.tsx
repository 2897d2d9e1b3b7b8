import { type FormEvent, useState } from 'react';
import { Alert, Button, Card, Group, Modal, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { components } from '../../../api/schema';
import { SavedNote, SettingsForm } from '../../identity/components/SettingsForm';
import { type Me, useMe } from '../../identity/hooks/useMe';
import { describeError, errorsOf, type FieldError } from '../../../ui/errors';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import { fieldId } from '../../../ui/fields';
import { Page } from '../../../ui/Page';
import { NotFoundPage, PageLoader } from '../../../ui/StatusPages';
import { Tag } from '../../../ui/Tag';
import { formatDate, visitorZone } from '../../../ui/time';
import {
  type Organization,
  useInvite,
  useMembers,
  useOrganization,
  useRemoveMember,
  useUpdateOrganization,
} from '../hooks/useOrganization';

type Member = components['schemas']['MemberResponse'];
const EDITABLE = ['fullName', 'shortName', 'ogrn', 'municipality', 'email', 'phone'] as const;
type Editable = (typeof EDITABLE)[number];
const INPUT: Record<Editable, Record<string, string | boolean>> = {
  fullName: { autoComplete: 'organization', required: true },
  shortName: { autoComplete: 'off' },
  ogrn: { autoComplete: 'off', inputMode: 'numeric' },
  municipality: { autoComplete: 'address-level2' },
  email: { type: 'email', inputMode: 'email', autoComplete: 'off' },
  phone: { type: 'tel', inputMode: 'tel', autoComplete: 'tel' },
};
/** The profile's controls get ids of their own (`organization.email`): the invitation form has an `email` too. */
const own = (field: string) => `organization.${field}`;

function ProfileForm({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  const update = useUpdateOrganization(organization.id);
  const [form, setForm] = useState<Record<Editable, string>>(
    () => Object.fromEntries(EDITABLE.map((f) => [f, organization[f] ?? ''])) as Record<Editable, string>,
  );
  const errors: FieldError[] = update.error
    ? describeError(update.error, t).map((e) => ({ ...e, field: e.field && own(e.field) }))
    : [];
  const submit = () => {
    const v = (f: Editable) => form[f].trim() || null;
    update.mutate({
      fullName: form.fullName.trim(),
      shortName: v('shortName'),
      ogrn: v('ogrn')?.replace(/\s/g, '') ?? null,
      municipality: v('municipality'),
      email: v('email'),
      phone: v('phone'),
    });
  };
  return (
    <SettingsForm
      id="org-profile"
      title={t('organization.profile')}
      errors={errors}
      onSubmit={submit}
      saved={update.isSuccess && !update.isPending}
      savedText={t('organization.saved')}
      submitLabel={t('organization.save')}
      pending={update.isPending}
    >
      <TextInput
        id={fieldId(own('inn'))}
        name="inn"
        label={t('fields.organization.inn')}
        description={t('organization.innFixed')}
        value={organization.inn}
        readOnly
        variant="filled"
        inputWrapperOrder={['label', 'description', 'input']}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {EDITABLE.map((f) => (
          <TextInput
            key={f}
            id={fieldId(own(f))}
            name={f}
            label={t(`fields.organization.${f}`)}
            value={form[f]}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setForm((s) => ({ ...s, [f]: value }));
            }}
            error={errorsOf(errors, own(f))}
            style={f === 'fullName' ? { gridColumn: '1 / -1' } : undefined}
            {...INPUT[f]}
          />
        ))}
      </SimpleGrid>
    </SettingsForm>
  );
}

function InviteForm({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const invite = useInvite(organizationId);
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState('');
  const errors = invite.error
    ? describeError(invite.error, t, { EMAIL_TAKEN: { field: 'email', message: t('organization.emailTaken') } })
    : [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const address = email.trim();
    invite.mutate(address, {
      onSuccess: () => {
        setSentTo(address);
        setEmail('');
      },
    });
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="invite-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="invite-title">
          {t('organization.inviteTitle')}
        </Title>
        <ErrorSummary errors={errors} />
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            id={fieldId('email')}
            name="email"
            type="email"
            inputMode="email"
            autoComplete="off"
            label={t('organization.inviteEmail')}
            description={t('organization.inviteHint')}
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={errorsOf(errors, 'email')}
            inputWrapperOrder={['label', 'description', 'input', 'error']}
            style={{ flex: '1 1 240px' }}
          />
          <Button type="submit" loading={invite.isPending}>
            {t('organization.invite')}
          </Button>
        </Group>
        <SavedNote shown={Boolean(sentTo) && invite.isSuccess}>
          {t('organization.invited', { email: sentTo })}
        </SavedNote>
      </Stack>
    </form>
  );
}

function Members({ organizationId, me }: { organizationId: string; me: Me }) {
  const { t, i18n } = useTranslation();
  const members = useMembers(organizationId);
  const remove = useRemoveMember(organizationId);
  const [asked, setAsked] = useState<Member | null>(null);
  const errors = remove.error ? describeError(remove.error, t) : [];
  const confirm = () => {
    if (!asked) return;
    const self = asked.id === me.id;
    remove.mutate(asked.id, {
      onSuccess: () => (self ? window.location.assign('/') : undefined),
      onSettled: () => setAsked(null),
    });
  };
  const zone = visitorZone();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="members-title">
      <Stack gap="md">
        <Title order={2} size="h3" id="members-title">
          {t('organization.members')}
        </Title>
        <ErrorSummary errors={errors} />
        {members.isPending ? (
          <Text c="dimmed">{t('common.loading')}</Text>
        ) : members.error ? (
          <Alert color="red" variant="light" role="alert">
            {describeError(members.error, t)[0]?.message}
          </Alert>
        ) : (
          <>
            <Stack
              gap={0}
              component="ul"
              style={{ listStyle: 'none', padding: 0, margin: 0 }}
              aria-labelledby="members-title"
            >
              {members.data.members.map((m) => (
                <Group
                  key={m.id}
                  component="li"
                  justify="space-between"
                  wrap="wrap"
                  gap="sm"
                  py="sm"
                  style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
                >
                  <div style={{ minWidth: 0 }}>
                    <Text fw={600}>
                      {m.fullName}
                      {m.id === me.id && (
                        <Text span c="dimmed" fw={400}>
                          {' '}
                          {t('organization.you')}
                        </Text>
                      )}
                    </Text>
                    <Group gap="xs" wrap="wrap">
                      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                        {m.email}
                      </Text>
                      <Tag color={m.emailVerified ? 'green' : 'yellow'}>
                        {m.emailVerified ? t('account.verified') : t('account.unverified')}
                      </Tag>
                    </Group>
                  </div>
                  <Button variant="subtle" color="red" size="compact-sm" onClick={() => setAsked(m)}>
                    {t('organization.remove')}
                    <span className="visually-hidden">{`: ${m.fullName}`}</span>
                  </Button>
                </Group>
              ))}
            </Stack>
            {members.data.invitations.length > 0 && (
              <Stack gap="xs" component="section" aria-labelledby="invitations-title">
                <Title order={3} size="h4" id="invitations-title">
                  {t('organization.invitations')}
                </Title>
                <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                  {members.data.invitations.map((inv) => (
                    <Group key={inv.email} component="li" gap="xs" wrap="wrap">
                      <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                        {inv.email}
                      </Text>
                      <Tag color="blue">{t('organization.pending')}</Tag>
                      <Text size="sm" c="dimmed">
                        {t('organization.expires', { date: formatDate(inv.expiresAt, zone, i18n.language) })}
                      </Text>
                    </Group>
                  ))}
                </Stack>
              </Stack>
            )}
          </>
        )}
        <InviteForm organizationId={organizationId} />
      </Stack>
      <Modal
        opened={asked !== null}
        onClose={() => setAsked(null)}
        title={t('organization.removeTitle')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        centered
      >
        <Stack gap="md">
          <Text>
            {asked &&
              (asked.id === me.id
                ? t('organization.removeSelf')
                : t('organization.removeText', { name: asked.fullName }))}
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setAsked(null)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" onClick={confirm} loading={remove.isPending}>
              {t('organization.removeConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}

/** The applicant's organization: its details (INN fixed), members, invitations. */
export default function OrganizationPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const id = me?.organizationId ?? '';
  const organization = useOrganization(id);
  if (!me?.organizationId) return <NotFoundPage />;
  if (organization.isPending) return <PageLoader />;
  if (organization.error) throw organization.error;
  return (
    <Page title={t('organization.title')} lead={organization.data.shortName ?? organization.data.fullName}>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" style={{ alignItems: 'start' }}>
        <ProfileForm organization={organization.data} />
        <Members organizationId={id} me={me} />
      </SimpleGrid>
    </Page>
  );
}
