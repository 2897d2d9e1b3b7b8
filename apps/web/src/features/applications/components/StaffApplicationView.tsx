import type { ReactNode } from 'react';
import { Card, List, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../ui/money';
import { type Competition, localTitle } from '../../competitions/hooks/useCompetitions';
import type { Application } from '../hooks/useStaffApplication';
import classes from './StaffApplicationView.module.css';

/** The content fields of an application, in the order people read them (API field names). */
export const APPLICATION_SECTIONS = [
  { key: 'about', fields: ['title', 'summary', 'direction', 'geography'] },
  { key: 'project', fields: ['projectStart', 'projectEnd', 'goals', 'expectedResults'] },
  { key: 'budget', fields: ['requestedAmount', 'coFinancingAmount', 'budgetLines'] },
] as const;

export type ApplicationField = (typeof APPLICATION_SECTIONS)[number]['fields'][number];
export const APPLICATION_FIELDS: ApplicationField[] = APPLICATION_SECTIONS.flatMap((s) => [...s.fields]);

/** The anchor of a field in the read-only view (remarks and links point here). */
export const fieldAnchor = (field: string) => `application-${field}`;

export interface FieldRemark {
  field: string;
  text: string;
}

function formatDay(value: string, language: string) {
  const [y, m, d] = value.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString(language === 'ru' ? 'ru-RU' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

function FieldValue({
  application: a,
  competition,
  field,
}: {
  application: Application;
  competition?: Competition;
  field: ApplicationField;
}) {
  const { t, i18n } = useTranslation();
  const empty = (
    <Text c="dimmed" fs="italic">
      {t('application.empty')}
    </Text>
  );
  switch (field) {
    case 'expectedResults':
      return a.expectedResults.length ? (
        <List spacing={4}>
          {a.expectedResults.map((r, i) => (
            <List.Item key={i}>
              {r.indicator}: <strong>{r.target}</strong>
            </List.Item>
          ))}
        </List>
      ) : (
        empty
      );
    case 'budgetLines':
      return a.budgetLines.length ? (
        <Table.ScrollContainer minWidth={260}>
          <Table withTableBorder striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('application.budgetItem')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('application.budgetAmount')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {a.budgetLines.map((line, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{line.item}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatMoney(line.amount)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : (
        empty
      );
    case 'requestedAmount':
    case 'coFinancingAmount':
      return a[field] ? <Text>{formatMoney(a[field]!)}</Text> : empty;
    case 'projectStart':
    case 'projectEnd':
      return a[field] ? <Text>{formatDay(a[field]!, i18n.language)}</Text> : empty;
    case 'direction': {
      if (!a.direction) return empty;
      const direction = competition?.directions.find((d) => d.code === a.direction);
      return <Text>{direction ? localTitle(direction, i18n.language) : a.direction}</Text>;
    }
    default:
      return a[field] ? <Text style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>{a[field]}</Text> : empty;
  }
}

/**
 * An application read-only, field by field, each field an anchor. Remarks appear beside the field
 * they concern; `fieldAction` adds a control to each field (a consultant's "remark on this field").
 */
export function ApplicationView({
  application,
  competition,
  remarks = [],
  fieldAction,
  headingLevel = 2,
}: {
  application: Application;
  competition?: Competition;
  remarks?: FieldRemark[];
  fieldAction?: (field: ApplicationField) => ReactNode;
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg" className={classes.view}>
      {APPLICATION_SECTIONS.map((section) => (
        <Card
          key={section.key}
          withBorder
          padding="lg"
          component="section"
          aria-labelledby={`app-section-${section.key}`}
        >
          <Title order={headingLevel} size="h3" id={`app-section-${section.key}`} mb="sm">
            {t(`application.sections.${section.key}`)}
          </Title>
          <dl className={classes.fields}>
            {section.fields.map((field) => {
              const own = remarks.filter((r) => r.field === field || r.field.startsWith(`${field}.`));
              return (
                <div
                  key={field}
                  id={fieldAnchor(field)}
                  className={classes.field}
                  data-remarked={own.length > 0 || undefined}
                >
                  <dt className={classes.label}>
                    <span>{t(`application.fields.${field}`)}</span>
                    {fieldAction?.(field)}
                  </dt>
                  <dd className={classes.value}>
                    <FieldValue application={application} competition={competition} field={field} />
                    {own.map((remark, i) => (
                      <div key={i} className={classes.remark} role="note" aria-label={t('application.remark')}>
                        <Text size="xs" fw={700} c="orange.9" tt="uppercase">
                          {t('application.remark')}
                        </Text>
                        <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                          {remark.text}
                        </Text>
                      </div>
                    ))}
                  </dd>
                </div>
              );
            })}
          </dl>
        </Card>
      ))}
    </Stack>
  );
}
