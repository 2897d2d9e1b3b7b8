import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { keys } from '../../../api/keys';

export function usePublishedYears() {
  return useQuery({
    queryKey: keys.publicReports,
    queryFn: () => unwrap(api.GET('/api/v1/public/reports')),
  });
}

export function usePublishedReport(year: number) {
  return useQuery({
    queryKey: keys.publicReport(year),
    queryFn: () => unwrap(api.GET('/api/v1/public/reports/{year}', { params: { path: { year } } })),
    retry: false,
  });
}
