import { AwardedGrantRow } from './statistics.repository';

export const GIVING360_COLUMNS = [
  'Identifier',
  'Title',
  'Description',
  'Currency',
  'Amount Awarded',
  'Award Date',
  'Recipient Org:Identifier',
  'Recipient Org:Name',
  'Funding Org:Identifier',
  'Funding Org:Name',
  'Grant Programme:Title',
  'Amount Applied For',
  'Planned Dates:Start Date',
  'Planned Dates:End Date',
  'Beneficiary Location:Name',
] as const;

export interface Funder {
  /** The 360Giving organisation prefix of this funder, e.g. XI-RC-LESOSIBIRSK. */
  prefix: string;
  name: string;
}

export const grantIdentifier = (funder: Funder, registrationNumber: string) =>
  `360G-${funder.prefix}-${registrationNumber}`;
export const recipientIdentifier = (inn: string) => `RU-INN-${inn}`;

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
export function csvField(value: string | null | undefined): string {
  const s = value ?? '';
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** UTF-8 with a BOM so Excel opens Cyrillic correctly; CRLF line ends as RFC 4180 says. */
export function toGiving360Csv(rows: AwardedGrantRow[], funder: Funder): string {
  const lines = [GIVING360_COLUMNS.join(',')];
  for (const r of rows) {
    lines.push(
      [
        grantIdentifier(funder, r.registrationNumber),
        r.title,
        r.summary ?? r.title,
        r.currency,
        r.amountAwarded,
        r.awardDate,
        recipientIdentifier(r.inn),
        r.organizationName,
        funder.prefix,
        funder.name,
        r.programme,
        r.amountAppliedFor,
        r.projectStart,
        r.projectEnd,
        r.geography,
      ]
        .map(csvField)
        .join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export interface Giving360Grant {
  id: string;
  title: string;
  description: string;
  currency: string;
  amountAwarded: number;
  amountAppliedFor?: number;
  awardDate: string | null;
  plannedDates?: { startDate: string; endDate?: string }[];
  recipientOrganization: { id: string; name: string }[];
  fundingOrganization: { id: string; name: string }[];
  grantProgramme: { title: string }[];
  beneficiaryLocation?: { name: string }[];
}

/** A 360Giving data package; amounts are JSON numbers as the standard's schema requires. */
export function toGiving360Package(rows: AwardedGrantRow[], funder: Funder): { grants: Giving360Grant[] } {
  return {
    grants: rows.map((r) => ({
      id: grantIdentifier(funder, r.registrationNumber),
      title: r.title,
      description: r.summary ?? r.title,
      currency: r.currency,
      amountAwarded: Number(r.amountAwarded),
      ...(r.amountAppliedFor !== null ? { amountAppliedFor: Number(r.amountAppliedFor) } : {}),
      awardDate: r.awardDate,
      ...(r.projectStart
        ? { plannedDates: [{ startDate: r.projectStart, ...(r.projectEnd ? { endDate: r.projectEnd } : {}) }] }
        : {}),
      recipientOrganization: [{ id: recipientIdentifier(r.inn), name: r.organizationName }],
      fundingOrganization: [{ id: funder.prefix, name: funder.name }],
      grantProgramme: [{ title: r.programme }],
      ...(r.geography ? { beneficiaryLocation: [{ name: r.geography }] } : {}),
    })),
  };
}
