import { TextInput, type TextInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldId } from './fields';
import { formatMoneyPlain, parseMoney } from './money';

export interface MoneyInputProps extends Omit<TextInputProps, 'value' | 'onChange' | 'name'> {
  /** The API field path (`requestedAmount`, `budgetLines.0.amount`): the input's name and id. */
  name: string;
  /** What the person typed; read it with `parseMoney()` (decimal string, "" or null when invalid). */
  value: string;
  onChange: (value: string) => void;
}

/**
 * An amount in roubles that accepts `150000`, `150 000,50` and `150000.50` and, once left, shows
 * `150 000,00` beside the ₽ sign. Invalid text stays as typed, with a message.
 */
export function MoneyInput({ name, value, onChange, error, onBlur, ...props }: MoneyInputProps) {
  const { t } = useTranslation();
  const parsed = parseMoney(value);
  return (
    <TextInput
      {...props}
      id={props.id ?? fieldId(name)}
      name={name}
      value={value}
      inputMode="decimal"
      autoComplete="off"
      rightSection={<span aria-hidden="true">₽</span>}
      error={error ?? (parsed === null ? t('money.invalid') : undefined)}
      onChange={(event) => onChange(event.currentTarget.value)}
      onBlur={(event) => {
        if (parsed) onChange(formatMoneyPlain(parsed));
        onBlur?.(event);
      }}
    />
  );
}
