export const ROLES = ['applicant', 'consultant', 'expert', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The authenticated caller, passed from a controller into every service method. */
export interface Actor {
  id: string;
  role: Role;
  organizationId: string | null;
}

export const LOCALES = ['ru', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
