import { toCsv } from '../shared/csv';
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
  /** The 360Giving prefix of grant identifiers, e.g. 360G-RC-LESOSIBIRSK. */
  grantPrefix: string;
  /** The funder's INN; its org-id is RU-INN-<inn>. */
  inn: string;
  name: string;
  /** URI of the license of the published data. */
  license: string;
}

export const grantIdentifier = (funder: Funder, registrationNumber: string) =>
  `${funder.grantPrefix}-${registrationNumber}`;
/** The org-id (org-id.guide scheme RU-INN) of a Russian legal entity, funder or recipient. */
export const organizationIdentifier = (inn: string) => `RU-INN-${inn}`;

/** 360Giving's CSV columns, one row per grant; the one CSV writer adds the BOM and neutralises formulas. */
export function toGiving360Csv(rows: AwardedGrantRow[], funder: Funder): string {
  return toCsv(
    GIVING360_COLUMNS,
    rows.map((r) => [
      grantIdentifier(funder, r.registrationNumber),
      r.title,
      r.summary ?? r.title,
      r.currency,
      r.amountAwarded,
      r.awardDate,
      organizationIdentifier(r.inn),
      r.organizationName,
      organizationIdentifier(funder.inn),
      funder.name,
      r.programme,
      r.amountAppliedFor,
      r.projectStart,
      r.projectEnd,
      r.geography,
    ]),
    { bom: true },
  );
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

export interface Giving360Package {
  license: string;
  grants: Giving360Grant[];
}

/** A 360Giving data package; amounts are JSON numbers as the standard's schema requires. */
export function toGiving360Package(rows: AwardedGrantRow[], funder: Funder): Giving360Package {
  return {
    license: funder.license,
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
      recipientOrganization: [{ id: organizationIdentifier(r.inn), name: r.organizationName }],
      fundingOrganization: [{ id: organizationIdentifier(funder.inn), name: funder.name }],
      grantProgramme: [{ title: r.programme }],
      ...(r.geography ? { beneficiaryLocation: [{ name: r.geography }] } : {}),
    })),
  };
}
