import { type FormEvent, useState } from 'react';
import { Anchor, Button, Card, Fieldset, PasswordInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, unwrap } from '../../../api/client';
import { keys } from '../../../api/keys';
import { safeNext } from '../../../api/session';
import { type Language } from '../../../i18n';
import { describeError, errorsOf } from '../../../ui/errors';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import { fieldId } from '../../../ui/fields';
import { Page } from '../../../ui/Page';
import { CheckedNumberField } from '../components/InnField';
import type { Me } from '../hooks/useMe';

const EMPTY = {
  fullName: '',
  email: '',
  password: '',
  organization: { fullName: '', shortName: '', inn: '', ogrn: '', municipality: '', email: '', phone: '' },
};

/** Registration: the person and their organization in one form (INN/OGRN checked as typed). */
export default function RegisterPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const [form, setForm] = useState(EMPTY);
  const set = (field: keyof typeof EMPTY) => (value: string) => setForm((f) => ({ ...f, [field]: value }));
  const setOrg = (field: keyof typeof EMPTY.organization) => (value: string) =>
    setForm((f) => ({ ...f, organization: { ...f.organization, [field]: value } }));

  const register = useMutation({
    mutationFn: () => {
      const o = form.organization;
      const optional = (v: string) => (v.trim() ? v.trim() : undefined);
      return unwrap(
        api.POST('/api/v1/auth/register', {
          body: {
            email: form.email.trim(),
            password: form.password,
            fullName: form.fullName.trim(),
            locale: i18n.language as Language,
            organization: {
              fullName: o.fullName.trim(),
              shortName: optional(o.shortName),
              inn: o.inn.replace(/\s/g, ''),
              ogrn: optional(o.ogrn.replace(/\s/g, '')),
              municipality: optional(o.municipality),
              email: optional(o.email),
              phone: optional(o.phone),
            },
          },
        }),
      );
    },
    onSuccess: ({ user }) => {
      queryClient.setQueryData(keys.me, user as Me);
      navigate(safeNext(params.get('next'), '/my'), { replace: true, state: { registered: user.email } });
    },
  });
  const errors = register.error ? describeError(register.error, t) : [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    register.mutate();
  };

  const text = (name: string, value: string, onChange: (v: string) => void, props: Record<string, unknown> = {}) => (
    <TextInput
      id={fieldId(name)}
      name={name}
      label={t(`fields.${name}`)}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={errorsOf(errors, name)}
      {...props}
    />
  );

  return (
    <Stack maw={760} mx="auto" w="100%">
      <Page title={t('register.title')} lead={t('register.lead')}>
        <ErrorSummary errors={errors} />
        <form onSubmit={submit} noValidate>
          <Stack gap="lg">
            <Card withBorder padding="lg">
              <Fieldset legend={t('register.person')} variant="unstyled">
                <Stack gap="md">
                  {text('fullName', form.fullName, set('fullName'), { autoComplete: 'name', required: true })}
                  <SimpleGrid cols={{ base: 1, sm: 2 }}>
                    {text('email', form.email, set('email'), {
                      type: 'email',
                      autoComplete: 'email',
                      inputMode: 'email',
                      required: true,
                    })}
                    <PasswordInput
                      visibilityToggleButtonProps={{ 'aria-label': t('common.showPassword') }}
                      id={fieldId('password')}
                      name="password"
                      label={t('fields.password')}
                      description={t('register.passwordHint')}
                      autoComplete="new-password"
                      required
                      value={form.password}
                      onChange={(e) => set('password')(e.currentTarget.value)}
                      error={errorsOf(errors, 'password')}
                      inputWrapperOrder={['label', 'description', 'input', 'error']}
                    />
                  </SimpleGrid>
                </Stack>
              </Fieldset>
            </Card>
            <Card withBorder padding="lg">
              <Fieldset legend={t('register.organization')} variant="unstyled">
                <Stack gap="md">
                  {text('organization.fullName', form.organization.fullName, setOrg('fullName'), {
                    autoComplete: 'organization',
                    required: true,
                  })}
                  {text('organization.shortName', form.organization.shortName, setOrg('shortName'))}
                  <SimpleGrid cols={{ base: 1, sm: 2 }}>
                    <CheckedNumberField
                      kind="inn"
                      name="organization.inn"
                      value={form.organization.inn}
                      onChange={setOrg('inn')}
                      error={errorsOf(errors, 'organization.inn')}
                      required
                    />
                    <CheckedNumberField
                      kind="ogrn"
                      name="organization.ogrn"
                      value={form.organization.ogrn}
                      onChange={setOrg('ogrn')}
                      error={errorsOf(errors, 'organization.ogrn')}
                    />
                  </SimpleGrid>
                  {text('organization.municipality', form.organization.municipality, setOrg('municipality'), {
                    autoComplete: 'address-level2',
                  })}
                  <SimpleGrid cols={{ base: 1, sm: 2 }}>
                    {text('organization.email', form.organization.email, setOrg('email'), {
                      type: 'email',
                      inputMode: 'email',
                      autoComplete: 'off',
                    })}
                    {text('organization.phone', form.organization.phone, setOrg('phone'), {
                      type: 'tel',
                      inputMode: 'tel',
                      autoComplete: 'tel',
                    })}
                  </SimpleGrid>
                </Stack>
              </Fieldset>
            </Card>
            <div>
              <Button type="submit" size="md" loading={register.isPending}>
                {t('register.submit')}
              </Button>
            </div>
          </Stack>
        </form>
        <Text size="sm">
          {t('register.haveAccount')}{' '}
          <Anchor component={Link} to="/login">
            {t('register.login')}
          </Anchor>
        </Text>
      </Page>
    </Stack>
  );
}
