import { type FormEvent, useState } from 'react';
import { Button, Group, PasswordInput, Select, Stack, Table, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { keys } from '../../../api/keys';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import { describeError, errorsOf, type FieldError } from '../../../ui/errors';
import { fieldId } from '../../../ui/fields';
import { Page } from '../../../ui/Page';
import { ScrollTable } from '../components/ScrollTable';
import { ConfirmButton } from '../components/ConfirmButton';

const STAFF = ['consultant', 'expert', 'admin'] as const;

export default function UsersPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form, setForm] = useState({ email: '', fullName: '', password: '', role: 'expert' as (typeof STAFF)[number] });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const users = useQuery({
    queryKey: keys.users(),
    queryFn: () => unwrap(api.GET('/api/v1/users', { params: { query: { pageSize: 100 } } })),
  });
  const create = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/users', { body: { ...form, email: form.email.trim() } })),
    onSuccess: () => {
      setForm({ email: '', fullName: '', password: '', role: form.role });
      void client.invalidateQueries({ queryKey: ['users'] });
    },
    onError: (e) => setErrors(describeError(e, t)),
  });
  const deactivate = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.PATCH('/api/v1/users/{id}', { params: { path: { id } }, body: { active: false } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['users'] }),
    onError: (e) => setErrors(describeError(e, t)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setErrors([]);
    create.mutate();
  };
  const field = (name: 'email' | 'fullName' | 'password') => ({
    id: fieldId(name),
    name,
    value: form[name],
    onChange: (e: { currentTarget: { value: string } }) => setForm((f) => ({ ...f, [name]: e.currentTarget.value })),
    error: errorsOf(errors, name),
  });
  return (
    <Page title={t('admin.users.title')}>
      <ErrorSummary errors={errors} />
      <section aria-labelledby="new-user">
        <Title order={2} size="h3" id="new-user" mb="sm">
          {t('admin.users.create')}
        </Title>
        <form onSubmit={submit} noValidate>
          <Stack maw={520} gap="sm">
            <TextInput label={t('fields.fullName')} autoComplete="off" required {...field('fullName')} />
            <TextInput label={t('fields.email')} type="email" autoComplete="off" required {...field('email')} />
            <PasswordInput
              label={t('admin.users.password')}
              autoComplete="new-password"
              required
              {...field('password')}
            />
            <Select
              id={fieldId('role')}
              name="role"
              label={t('admin.users.role')}
              data={STAFF.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
              value={form.role}
              onChange={(v) => v && setForm((f) => ({ ...f, role: v as (typeof STAFF)[number] }))}
              allowDeselect={false}
            />
            <Group>
              <Button type="submit" loading={create.isPending}>
                {t('admin.users.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </section>
      <ScrollTable minWidth={640}>
        <Table withTableBorder striped>
          <Table.Caption>{t('admin.users.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('fields.fullName')}</Table.Th>
              <Table.Th scope="col">{t('fields.email')}</Table.Th>
              <Table.Th scope="col">{t('admin.users.role')}</Table.Th>
              <Table.Th scope="col">{t('admin.users.state')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(users.data?.items ?? []).map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td>{u.fullName}</Table.Td>
                <Table.Td>{u.email}</Table.Td>
                <Table.Td>{t(`roles.${u.role}`)}</Table.Td>
                <Table.Td>
                  {u.active === false ? (
                    t('admin.users.inactive')
                  ) : (
                    <ConfirmButton
                      size="compact-sm"
                      variant="default"
                      color="red.9"
                      label={t('admin.users.deactivate')}
                      aria-label={t('admin.users.deactivateWho', { name: u.fullName })}
                      title={t('admin.users.deactivateTitle', { name: u.fullName })}
                      message={t('admin.users.deactivateMessage')}
                      confirmLabel={t('admin.users.deactivateConfirm')}
                      onConfirm={() => deactivate.mutate(u.id)}
                    />
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Page>
  );
}
