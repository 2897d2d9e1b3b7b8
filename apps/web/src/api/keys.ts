/**
 * Query keys of every server resource the portal reads. A mutation invalidates exactly the keys of
 * what it changed: `queryClient.invalidateQueries({ queryKey: keys.competition(id) })`.
 */
export const keys = {
  me: ['me'] as const,
  notifications: ['me', 'notifications'] as const,
  competitions: ['competitions'] as const,
  competition: (id: string) => ['competitions', id] as const,
  results: (id: string) => ['competitions', id, 'results'] as const,
  organization: (id: string) => ['organizations', id] as const,
  members: (id: string) => ['organizations', id, 'members'] as const,
  applications: (filter: Record<string, string | undefined> = {}) => ['applications', filter] as const,
  application: (id: string) => ['applications', id] as const,
  publicReports: ['public', 'reports'] as const,
  publicReport: (year: number) => ['public', 'reports', year] as const,
  summary: (id: string) => ['competitions', id, 'summary'] as const,
  ranking: (id: string) => ['competitions', id, 'ranking'] as const,
  proposal: (id: string) => ['competitions', id, 'award-proposal'] as const,
  experts: (id: string) => ['competitions', id, 'experts'] as const,
  statistics: (year: number) => ['statistics', year] as const,
  statisticsJob: (jobId: string) => ['statistics', 'jobs', jobId] as const,
  users: (filter: Record<string, string | undefined> = {}) => ['users', filter] as const,
  failedMails: ['notifications', 'failed'] as const,
  audit: (filter: Record<string, string | undefined> = {}) => ['audit', filter] as const,
  consultations: (filter: Record<string, string | undefined> = {}) => ['consultations', filter] as const,
  reviews: ['reviews'] as const,
  review: (id: string) => ['reviews', id] as const,
  conflicts: ['reviews', 'conflicts'] as const,
};
