import { PasswordInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldId } from '../../../ui/fields';

/** A new password (at least 10 characters, said before typing), `name` = its API field. */
export function NewPasswordField({
  name,
  label,
  value,
  onChange,
  error,
}: {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  return (
    <PasswordInput
      visibilityToggleButtonProps={{ 'aria-label': t('common.showPassword') }}
      id={fieldId(name)}
      name={name}
      label={label}
      description={t('register.passwordHint')}
      autoComplete="new-password"
      required
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      inputWrapperOrder={['label', 'description', 'input', 'error']}
    />
  );
}
