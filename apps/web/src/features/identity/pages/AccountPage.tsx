import { useState } from 'react';
import { Alert, Button, Card, Group, NativeSelect, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Language, LANGUAGES, rememberLanguage } from '../../../i18n';
import { describeError, errorsOf } from '../../../ui/errors';
import { fieldId } from '../../../ui/fields';
import { Page } from '../../../ui/Page';
import { PageLoader } from '../../../ui/StatusPages';
import { Tag } from '../../../ui/Tag';
import { NewPasswordField } from '../components/NewPasswordField';
import { ResendVerification } from '../components/ResendVerification';
import { SettingsForm } from '../components/SettingsForm';
import { useChangePassword, useLogoutEverywhere, useUpdateMe } from '../hooks/useAccount';
import { type Me, useMe } from '../hooks/useMe';

function ProfileForm({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const update = useUpdateMe();
  const [fullName, setFullName] = useState(me.fullName);
  const [locale, setLocale] = useState<Language>(me.locale);
  const errors = update.error ? describeError(update.error, t) : [];
  const submit = () =>
    update.mutate(
      { fullName: fullName.trim(), locale },
      {
        onSuccess: (user) => {
          rememberLanguage(user.locale);
          if (user.locale !== i18n.language) void i18n.changeLanguage(user.locale);
        },
      },
    );
  return (
    <SettingsForm
      id="profile-title"
      title={t('account.profile')}
      errors={errors}
      onSubmit={submit}
      saved={update.isSuccess && !update.isPending}
      savedText={t('account.profileSaved')}
      submitLabel={t('account.saveProfile')}
      pending={update.isPending}
    >
      <TextInput
        id={fieldId('fullName')}
        name="fullName"
        label={t('fields.fullName')}
        autoComplete="name"
        required
        value={fullName}
        onChange={(e) => setFullName(e.currentTarget.value)}
        error={errorsOf(errors, 'fullName')}
      />
      <NativeSelect
        id={fieldId('locale')}
        name="locale"
        label={t('fields.locale')}
        value={locale}
        onChange={(e) => setLocale(e.currentTarget.value as Language)}
        data={LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
        error={errorsOf(errors, 'locale')}
      />
    </SettingsForm>
  );
}

function PasswordForm() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const errors = change.error ? describeError(change.error, t) : [];
  const submit = () =>
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          setCurrent('');
          setNew('');
        },
      },
    );
  return (
    <SettingsForm
      id="password-title"
      title={t('account.password')}
      errors={errors}
      onSubmit={submit}
      saved={change.isSuccess}
      savedText={t('account.passwordChanged')}
      submitLabel={t('account.changePassword')}
      pending={change.isPending}
    >
      <PasswordInput
        visibilityToggleButtonProps={{ 'aria-label': t('common.showPassword') }}
        id={fieldId('currentPassword')}
        name="currentPassword"
        label={t('fields.currentPassword')}
        autoComplete="current-password"
        required
        value={currentPassword}
        onChange={(e) => setCurrent(e.currentTarget.value)}
        error={errorsOf(errors, 'currentPassword')}
      />
      <NewPasswordField
        name="newPassword"
        label={t('fields.newPassword')}
        value={newPassword}
        onChange={setNew}
        error={errorsOf(errors, 'newPassword')}
      />
    </SettingsForm>
  );
}

/** The signed-in person: name, language, email (confirmed or not), password, sessions. */
export default function AccountPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const everywhere = useLogoutEverywhere();
  if (!me) return <PageLoader />;
  return (
    <Stack maw={640} mx="auto" w="100%">
      <Page title={t('account.title')}>
        <Card withBorder padding="lg" aria-labelledby="email-title" component="section">
          <Stack gap="sm">
            <Title order={2} size="h3" id="email-title">
              {t('fields.email')}
            </Title>
            <Group gap="sm" wrap="wrap">
              <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                {me.email}
              </Text>
              <Tag color={me.emailVerified ? 'green' : 'yellow'}>
                {me.emailVerified ? t('account.verified') : t('account.unverified')}
              </Tag>
            </Group>
            {!me.emailVerified && (
              <>
                <Text size="sm">{t('account.unverifiedHint')}</Text>
                <ResendVerification email={me.email} />
              </>
            )}
          </Stack>
        </Card>
        <ProfileForm me={me} />
        <PasswordForm />
        <Card withBorder padding="lg" aria-labelledby="sessions-title" component="section">
          <Stack gap="sm" align="flex-start">
            <Title order={2} size="h3" id="sessions-title">
              {t('account.sessions')}
            </Title>
            <Text size="sm">{t('account.sessionsHint')}</Text>
            <Button color="red" variant="outline" onClick={() => everywhere.mutate()} loading={everywhere.isPending}>
              {t('account.logoutEverywhere')}
            </Button>
            {everywhere.error && (
              <Alert color="red" variant="light" role="alert">
                {describeError(everywhere.error, t)[0]?.message}
              </Alert>
            )}
          </Stack>
        </Card>
      </Page>
    </Stack>
  );
}
