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

/** Rows as a table under `head`, or "empty" (`empty`) when there are none. */
function ListTable({ head, rows, empty }: { head: ReactNode; rows: ReactNode[]; empty: string }) {
  return rows.length ? (
    <Table withTableBorder verticalSpacing="xs">
      <Table.Thead>
        <Table.Tr>{head}</Table.Tr>
      </Table.Thead>
      <Table.Tbody>{rows}</Table.Tbody>
    </Table>
  ) : (
    <Text c="dimmed">{empty}</Text>
  );
}

/** A field that is a list (results, budget lines): its label and control above its remarks and its table. */
function TableField({
  field,
  label,
  action,
  remarks,
  head,
  rows,
}: {
  field: string;
  label: string;
  action?: ReactNode;
  remarks: Remark[];
  head: ReactNode;
  rows: ReactNode[];
}) {
  const { t } = useTranslation();
  return (
    <div data-field={field}>
      <Group justify="space-between" gap="xs" mt="md" mb="xs">
        <Text fw={600}>{label}</Text>
        {action}
      </Group>
      <RemarkNote remarks={remarks} />
      <ListTable head={head} rows={rows} empty={t('view.empty')} />
    </div>
  );
}

const nowrap = { whiteSpace: 'nowrap' } as const;

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
  /** A field's row: its label, the host's control and the remarks on it, by API field name. */
  const row = (field: string, value: ReactNode) => (
    <Row label={t(`fields.${field}`)} field={field} action={fieldAction?.(field)} remarks={on(field)}>
      {value}
    </Row>
  );
  const text = (value: string | null) => value && <span className={classes.text}>{value}</span>;
  const documentTypes = competition?.documentTypes;
  return (
    <Stack gap="xl" className={classes.view}>
      <section>
        {heading('about')}
        <dl className={classes.list}>
          {row('title', a.title)}
          {row('summary', text(a.summary))}
          {row('direction', direction ? localTitle(direction, i18n.language) : a.direction)}
          {row('geography', a.geography)}
        </dl>
      </section>
      <section>
        {heading('project')}
        <dl className={classes.list}>
          {row('projectStart', date(a.projectStart))}
          {row('projectEnd', date(a.projectEnd))}
          {row('goals', text(a.goals))}
        </dl>
        <TableField
          field="expectedResults"
          label={t('fields.expectedResults')}
          action={fieldAction?.('expectedResults')}
          remarks={on('expectedResults')}
          head={
            <>
              <Table.Th scope="col">{t('draft.columns.indicator')}</Table.Th>
              <Table.Th scope="col">{t('draft.columns.target')}</Table.Th>
            </>
          }
          rows={a.expectedResults.map((r, i) => (
            <Table.Tr key={i}>
              <Table.Td>{r.indicator}</Table.Td>
              <Table.Td>{r.target}</Table.Td>
            </Table.Tr>
          ))}
        />
      </section>
      <section>
        {heading('budget')}
        <dl className={classes.list}>
          {row('requestedAmount', money(a.requestedAmount))}
          {row('coFinancingAmount', money(a.coFinancingAmount))}
        </dl>
        <TableField
          field="budgetLines"
          label={t('fields.budgetLines')}
          action={fieldAction?.('budgetLines')}
          remarks={remarksOn('budgetLines', remarks, true)}
          head={
            <>
              <Table.Th scope="col">{t('draft.columns.item')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('draft.columns.amount')}
              </Table.Th>
            </>
          }
          rows={a.budgetLines.map((l, i) => (
            <Table.Tr key={i}>
              <Table.Td>
                {l.item}
                <RemarkNote remarks={remarksOn(`budgetLines.${i}.item`, remarks)} />
              </Table.Td>
              <Table.Td ta="right" style={nowrap}>
                {formatMoney(l.amount)}
                <RemarkNote remarks={remarksOn(`budgetLines.${i}.amount`, remarks)} />
              </Table.Td>
            </Table.Tr>
          ))}
        />
      </section>
      {documents && (
        <section>
          {heading('documents')}
          <ListTable
            empty={t('attachments.none')}
            head={
              <>
                <Table.Th scope="col">{t('attachments.type')}</Table.Th>
                <Table.Th scope="col">{t('attachments.file')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('attachments.size')}
                </Table.Th>
              </>
            }
            rows={documents.map((d) => {
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
                  <Table.Td ta="right" style={nowrap}>
                    {kb(d.size)}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          />
        </section>
      )}
    </Stack>
  );
}
