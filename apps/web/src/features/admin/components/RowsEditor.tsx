import { Button, Checkbox, Fieldset, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../../ui/errors';
import { errorsOf } from '../../../ui/errors';
import { fieldId } from '../../../ui/fields';

export interface Column {
  key: string;
  /** i18n key of the label. */
  label: string;
  kind?: 'text' | 'number' | 'date' | 'check';
  width?: number;
}

export type RowValue = Record<string, string | boolean>;

/**
 * An editable list of coded rows (directions, criteria, document types, reports): each control is
 * labelled and named by its API path (`criteria.2.weight`), rows are added and removed with buttons.
 */
export function RowsEditor({
  name,
  legend,
  columns,
  rows,
  onChange,
  empty,
  errors,
  readOnly,
  addLabel,
  note,
}: {
  name: string;
  legend: string;
  columns: Column[];
  rows: RowValue[];
  onChange: (rows: RowValue[]) => void;
  empty: RowValue;
  errors: FieldError[];
  readOnly?: boolean;
  addLabel: string;
  /** A sentence under the legend (why the rows are read-only, what a change does). */
  note?: string;
}) {
  const { t } = useTranslation();
  const set = (i: number, key: string, value: string | boolean) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, [key]: value } : r)));
  return (
    <Fieldset
      legend={legend}
      disabled={readOnly}
      id={fieldId(name)}
      tabIndex={-1}
      aria-describedby={note ? fieldId(`${name}-note`) : undefined}
    >
      <Stack gap="sm">
        {note && (
          <Text size="sm" id={fieldId(`${name}-note`)}>
            {note}
          </Text>
        )}
        {rows.map((row, i) => (
          <Group key={i} align="flex-end" gap="xs" wrap="wrap">
            {columns.map((c) => {
              const path = `${name}.${i}.${c.key}`;
              const label = `${t(c.label)} ${i + 1}`;
              if (c.kind === 'check')
                return (
                  <Checkbox
                    key={c.key}
                    id={fieldId(path)}
                    name={path}
                    label={t(c.label)}
                    aria-label={label}
                    checked={row[c.key] === true}
                    onChange={(e) => set(i, c.key, e.currentTarget.checked)}
                    mb={8}
                  />
                );
              return (
                <TextInput
                  key={c.key}
                  id={fieldId(path)}
                  name={path}
                  label={t(c.label)}
                  aria-label={label}
                  type={c.kind === 'date' ? 'date' : 'text'}
                  inputMode={c.kind === 'number' ? 'decimal' : undefined}
                  autoComplete="off"
                  value={String(row[c.key] ?? '')}
                  onChange={(e) => set(i, c.key, e.currentTarget.value)}
                  error={errorsOf(errors, path)}
                  style={{ flex: c.width ? `0 1 ${c.width}px` : '1 1 220px', minWidth: c.width ? 90 : 180 }}
                />
              );
            })}
            {!readOnly && (
              <Button
                variant="default"
                color="red.9"
                onClick={() => onChange(rows.filter((_, j) => j !== i))}
                aria-label={t('admin.editor.removeRow', { n: i + 1, what: legend })}
              >
                {t('admin.editor.remove')}
              </Button>
            )}
          </Group>
        ))}
        {!readOnly && (
          <Group>
            <Button variant="light" onClick={() => onChange([...rows, { ...empty }])}>
              {addLabel}
            </Button>
          </Group>
        )}
      </Stack>
    </Fieldset>
  );
}
