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
  checklist: (id: string) => ['applications', id, 'checklist'] as const,
  events: (id: string) => ['applications', id, 'events'] as const,
  reviewsOf: (id: string) => ['applications', id, 'reviews'] as const,
  documents: (id: string) => ['applications', id, 'documents'] as const,
  snapshot: (id: string) => ['applications', id, 'snapshot'] as const,
  consultationsOf: (applicationId: string) => ['consultations', { applicationId }] as const,
  consultation: (id: string) => ['consultations', id] as const,
  publicReports: ['public', 'reports'] as const,
  consultations: (filter: Record<string, string | undefined> = {}) => ['consultations', filter] as const,
  reviews: ['reviews'] as const,
  review: (id: string) => ['reviews', id] as const,
  conflicts: ['reviews', 'conflicts'] as const,
  grantLists: ['grants', 'list'] as const,
  grants: (filter: Record<string, string | undefined> = {}) => ['grants', 'list', filter] as const,
  grant: (id: string) => ['grants', id] as const,
  report: (id: string, code: string) => ['grants', id, 'reports', code] as const,
  publicGrant: (id: string) => ['public', 'grants', id] as const,
};
