import { EntityManager } from 'typeorm';

/** Applicant users of the organization that owns the application: the recipients of its mails. */
export async function applicantsOf(manager: EntityManager, applicationId: string): Promise<string[]> {
  const rows: Array<{ id: string }> = await manager.query(
    `SELECT u.id FROM users u JOIN applications a ON a.organization_id = u.organization_id
     WHERE a.id = $1 AND u.role = 'applicant' ORDER BY u.created_at, u.id`,
    [applicationId],
  );
  return rows.map((r) => r.id);
}

/** Display values every application mail carries. */
export async function applicationRef(manager: EntityManager, applicationId: string) {
  return (await applicationAudience(manager, applicationId)).ref;
}

/** The display values and the applicant users of an application, in one round trip. */
export async function applicationAudience(manager: EntityManager, applicationId: string) {
  const [row]: Array<{
    competition_id: string;
    competition_title: string;
    timezone: string;
    application_title: string;
    organization_name: string;
    users: string[] | null;
  }> = await manager.query(
    `SELECT c.id AS competition_id, c.title AS competition_title, c.timezone, a.title AS application_title,
            o.full_name AS organization_name,
            (SELECT array_agg(u.id ORDER BY u.created_at, u.id) FROM users u
             WHERE u.organization_id = a.organization_id AND u.role = 'applicant') AS users
     FROM applications a JOIN competitions c ON c.id = a.competition_id JOIN organizations o ON o.id = a.organization_id
     WHERE a.id = $1`,
    [applicationId],
  );
  return {
    ref: {
      competitionId: row.competition_id,
      competitionTitle: row.competition_title,
      timezone: row.timezone,
      applicationId,
      applicationTitle: row.application_title,
      organizationName: row.organization_name,
    },
    users: row.users ?? [],
  };
}

/** The applicant users of each organization, oldest first: every member of an NGO hears about its applications. */
export async function applicantsByOrganization(
  manager: EntityManager,
  organizationIds: string[],
): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (!organizationIds.length) return map;
  const rows: { id: string; organization_id: string }[] = await manager.query(
    `SELECT id, organization_id FROM users WHERE role = 'applicant' AND organization_id = ANY($1::uuid[])
     ORDER BY created_at, id`,
    [organizationIds],
  );
  for (const r of rows) map.set(r.organization_id, [...(map.get(r.organization_id) ?? []), r.id]);
  return map;
}
