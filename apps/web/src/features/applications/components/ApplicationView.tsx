import type { ReactNode } from 'react';
import { Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../ui/time';
import { formatMoney } from '../../../ui/money';
import { type Competition, localTitle } from '../../competitions/hooks/useCompetitions';
import type { Application, Remark } from '../hooks/useApplication';
import { RemarkNote } from './RemarkNote';
import { remarksOn, SECTIONS } from './sections';
import classes from './ApplicationView.module.css';

export interface ViewDocument {
  id: string;
  type: string;
  fileName: string;
  size: number;
  sha256: string;
}

function Row({
  label,
  children,
  remarks,
  field,
  action,
}: {
  label: string;
  children: ReactNode;
  remarks?: Remark[];
  field?: string;
  action?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className={classes.row} data-field={field}>
      <dt className={classes.label}>
        {label}
        {action && <div>{action}</div>}
      </dt>
      <dd className={classes.value}>
        {children ?? (
          <Text span c="dimmed">
            {t('view.empty')}
          </Text>
        )}
        {remarks && <RemarkNote remarks={remarks} />}
      </dd>
    </div>
  );
}

const kb = (size: number) => `${Math.max(1, Math.round(size / 1024)).toLocaleString('ru-RU')} КБ`;

/**
 * The whole application, read-only, topic by topic: what the applicant sees after submitting, what
 * prints, and what consultants and experts read beside their forms. `remarks` (a consultant's, by field
 * path) appear beside the fields they name; `documents` list the attached files; `headingLevel` fits the
 * view under the host page's own headings.
 */
export function ApplicationView({
  application: a,
  competition,
  remarks = [],
  documents,
  headingLevel = 2,
  documentHref,
  fieldAction,
}: {
  application: Application;
  competition?: Competition;
  remarks?: Remark[];
  documents?: ViewDocument[];
  headingLevel?: 2 | 3;
  documentHref?: (document: ViewDocument) => string;
  /** A control beside each field (a consultant's "remark on this field"), by API field name. */
  fieldAction?: (field: string) => ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const direction = competition?.directions.find((d) => d.code === a.direction);
  const date = (value: string | null) => (value ? formatDate(`${value}T12:00:00Z`, 'UTC', i18n.language) : null);
  const money = (value: string | null) => (value ? formatMoney(value) : null);
  const on = (field: string) => remarksOn(field, remarks);
  const heading = (section: (typeof SECTIONS)[number]) => (
    <Title order={headingLevel} size="h3" className={classes.heading}>
      {t(`draft.sections.${section}`)}
    </Title>
  );
  const documentTypes = competition?.documentTypes;
  return (
    <Stack gap="xl" className={classes.view}>
      <section>
        {heading('about')}
        <dl className={classes.list}>
          <Row label={t('fields.title')} field="title" action={fieldAction?.('title')} remarks={on('title')}>
            {a.title}
          </Row>
          <Row label={t('fields.summary')} field="summary" action={fieldAction?.('summary')} remarks={on('summary')}>
            {a.summary && <span className={classes.text}>{a.summary}</span>}
          </Row>
          <Row
            label={t('fields.direction')}
            field="direction"
            action={fieldAction?.('direction')}
            remarks={on('direction')}
          >
            {direction ? localTitle(direction, i18n.language) : a.direction}
          </Row>
          <Row
            label={t('fields.geography')}
            field="geography"
            action={fieldAction?.('geography')}
            remarks={on('geography')}
          >
            {a.geography}
          </Row>
        </dl>
      </section>
      <section>
        {heading('project')}
        <dl className={classes.list}>
          <Row
            label={t('fields.projectStart')}
            field="projectStart"
            action={fieldAction?.('projectStart')}
            remarks={on('projectStart')}
          >
            {date(a.projectStart)}
          </Row>
          <Row
            label={t('fields.projectEnd')}
            field="projectEnd"
            action={fieldAction?.('projectEnd')}
            remarks={on('projectEnd')}
          >
            {date(a.projectEnd)}
          </Row>
          <Row label={t('fields.goals')} field="goals" action={fieldAction?.('goals')} remarks={on('goals')}>
            {a.goals && <span className={classes.text}>{a.goals}</span>}
          </Row>
        </dl>
        <div data-field="expectedResults">
          <Group justify="space-between" gap="xs" mt="md" mb="xs">
            <Text fw={600}>{t('fields.expectedResults')}</Text>
            {fieldAction?.('expectedResults')}
          </Group>
          <RemarkNote remarks={on('expectedResults')} />
          {a.expectedResults.length ? (
            <Table withTableBorder verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('draft.columns.indicator')}</Table.Th>
                  <Table.Th scope="col">{t('draft.columns.target')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {a.expectedResults.map((r, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>{r.indicator}</Table.Td>
                    <Table.Td>{r.target}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : (
            <Text c="dimmed">{t('view.empty')}</Text>
          )}
        </div>
      </section>
      <section>
        {heading('budget')}
        <dl className={classes.list}>
          <Row
            label={t('fields.requestedAmount')}
            field="requestedAmount"
            action={fieldAction?.('requestedAmount')}
            remarks={on('requestedAmount')}
          >
            {money(a.requestedAmount)}
          </Row>
          <Row
            label={t('fields.coFinancingAmount')}
            field="coFinancingAmount"
            action={fieldAction?.('coFinancingAmount')}
            remarks={on('coFinancingAmount')}
          >
            {money(a.coFinancingAmount)}
          </Row>
        </dl>
        <div data-field="budgetLines">
          <Group justify="space-between" gap="xs" mt="md" mb="xs">
            <Text fw={600}>{t('fields.budgetLines')}</Text>
            {fieldAction?.('budgetLines')}
          </Group>
          <RemarkNote remarks={remarksOn('budgetLines', remarks, true)} />
          {a.budgetLines.length ? (
            <Table withTableBorder verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('draft.columns.item')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('draft.columns.amount')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {a.budgetLines.map((l, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>
                      {l.item}
                      <RemarkNote remarks={remarksOn(`budgetLines.${i}.item`, remarks)} />
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {formatMoney(l.amount)}
                      <RemarkNote remarks={remarksOn(`budgetLines.${i}.amount`, remarks)} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : (
            <Text c="dimmed">{t('view.empty')}</Text>
          )}
        </div>
      </section>
      {documents && (
        <section>
          {heading('documents')}
          {documents.length ? (
            <Table withTableBorder verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('attachments.type')}</Table.Th>
                  <Table.Th scope="col">{t('attachments.file')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('attachments.size')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {documents.map((d) => {
                  const type = documentTypes?.find((x) => x.code === d.type);
                  return (
                    <Table.Tr key={d.id}>
                      <Table.Td>{type ? localTitle(type, i18n.language) : d.type}</Table.Td>
                      <Table.Td className={classes.breakable}>
                        {documentHref ? <a href={documentHref(d)}>{d.fileName}</a> : d.fileName}
                        <Text size="xs" c="dimmed" className={classes.hash}>
                          SHA-256 {d.sha256}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {kb(d.size)}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          ) : (
            <Text c="dimmed">{t('attachments.none')}</Text>
          )}
        </section>
      )}
    </Stack>
  );
}
