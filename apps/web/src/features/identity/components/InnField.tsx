import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isValidInn, isValidOgrn } from '@grants/domain-shared/inn';
import { fieldId } from '../../../ui/fields';

const RULES = {
  inn: { length: 10, valid: isValidInn },
  ogrn: { length: 13, valid: isValidOgrn },
} as const;

/**
 * INN or OGRN with the checksum checked as the person types, by the very function the api uses
 * (libs/domain/src/shared/inn.ts). The server still decides; this only spares a round trip.
 */
export function CheckedNumberField({
  kind,
  name,
  value,
  onChange,
  error,
  required,
}: {
  kind: keyof typeof RULES;
  name: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  required?: boolean;
}) {
  const { t } = useTranslation();
  const rule = RULES[kind];
  const digits = value.replace(/\s/g, '');
  const complete = digits.length === rule.length && /^\d+$/.test(digits);
  const problem = /\D/.test(digits)
    ? t('register.digitsOnly')
    : digits.length > rule.length
      ? t(`register.${kind}Length`)
      : complete && !rule.valid(digits)
        ? t('register.checksum')
        : undefined;
  const ok = complete && rule.valid(digits);
  return (
    <TextInput
      id={fieldId(name)}
      name={name}
      label={t(`fields.${name}`)}
      description={ok ? t('register.checksumOk') : t(`register.${kind}Hint`)}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      inputMode="numeric"
      autoComplete="off"
      required={required}
      maxLength={rule.length + 4}
      error={error ?? problem}
      rightSection={ok ? <span aria-hidden="true">✓</span> : undefined}
      inputWrapperOrder={['label', 'description', 'input', 'error']}
    />
  );
}
