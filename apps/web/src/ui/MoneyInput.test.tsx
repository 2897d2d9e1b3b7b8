import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MantineProvider } from '@mantine/core';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import ru from '../i18n/ru.json';
import ruWorkspace from '../i18n/ru.workspace.json';
import { MoneyInput } from './MoneyInput';
import { parseMoney } from './money';

await i18next.use(initReactI18next).init({
  lng: 'ru',
  resources: { ru: { translation: ru, workspace: ruWorkspace } },
  fallbackNS: 'workspace',
  react: { useSuspense: false },
});

function Form({ initial = '' }: { initial?: string }) {
  const [value, setValue] = useState(initial);
  return (
    <MantineProvider>
      <MoneyInput name="requestedAmount" label="Сумма" value={value} onChange={setValue} />
      <output data-testid="parsed">{String(parseMoney(value))}</output>
    </MantineProvider>
  );
}

describe('MoneyInput', () => {
  it('takes a typed amount with a dot and shows it Russian style once left', async () => {
    render(<Form />);
    const input = screen.getByLabelText('Сумма');
    expect(input).toHaveProperty('name', 'requestedAmount');
    expect(input.getAttribute('inputmode')).toBe('decimal');
    await userEvent.type(input, '150000.50');
    expect(screen.getByTestId('parsed').textContent).toBe('150000.50');
    await userEvent.tab();
    expect((input as HTMLInputElement).value).toBe('150\u00a0000,50');
    expect(screen.getByTestId('parsed').textContent).toBe('150000.50');
  });

  it('says so when the text is no amount, keeping what was typed', async () => {
    render(<Form />);
    const input = screen.getByLabelText('Сумма');
    await userEvent.type(input, '15 000,505');
    await userEvent.tab();
    expect((input as HTMLInputElement).value).toBe('15 000,505');
    expect(screen.getByText(ruWorkspace.money.invalid)).toBeTruthy();
  });
});
