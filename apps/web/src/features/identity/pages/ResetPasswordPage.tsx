import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../../api/client';
import { describeError, errorsOf } from '../../../ui/errors';
import { NewPasswordField } from '../components/NewPasswordField';
import { TokenForm } from '../components/TokenForm';
import { tokenInvalid, useMailedToken } from '../components/TokenInvalid';
import { HOME_OF } from '../hooks/useMe';
import { useSignIn } from '../hooks/useSignIn';

/** A new password with the mailed token; the person is signed in afterwards. */
export default function ResetPasswordPage() {
  const { t } = useTranslation();
  const token = useMailedToken();
  const navigate = useNavigate();
  const signIn = useSignIn();
  const [password, setPassword] = useState('');
  const confirm = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/auth/password-reset/confirm', { body: { token, password } })),
    onSuccess: async ({ user }) => {
      await signIn(user);
      navigate(HOME_OF[user.role], { replace: true, state: { passwordReset: true } });
    },
  });
  const invalid = tokenInvalid(token, confirm.error);
  const errors = confirm.error && !invalid ? describeError(confirm.error, t) : [];

  return (
    <TokenForm
      width={460}
      title={t('reset.title')}
      lead={t('reset.lead')}
      invalid={invalid && { text: t('reset.invalid'), again: t('reset.again'), to: '/forgot-password' }}
      errors={errors}
      onSubmit={() => confirm.mutate()}
      submitLabel={t('reset.submit')}
      pending={confirm.isPending}
    >
      <NewPasswordField
        name="password"
        label={t('fields.newPassword')}
        value={password}
        onChange={setPassword}
        error={errorsOf(errors, 'password')}
      />
    </TokenForm>
  );
}
