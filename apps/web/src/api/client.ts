import createClient from 'openapi-fetch';
import type { paths } from './schema';

/**
 * The one API client of the portal, typed from the api's OpenAPI document (`npm run gen:api`).
 * The session is the httpOnly `grants_session` cookie: the browser sends it, the portal never sees it.
 */
export const api = createClient<paths>({ baseUrl: '', credentials: 'include' });

/** An API answer that is not 2xx, with the body of API.md's error format when there is one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody | undefined,
  ) {
    super(`API ${status}${body?.code ? ` ${body.code}` : ''}`);
  }

  /** Field messages of a 400 (`message` is an array naming the field) or the one message. */
  get messages(): string[] {
    const m = this.body?.message;
    return Array.isArray(m) ? m : m ? [m] : [];
  }
}

export interface ApiErrorBody {
  statusCode?: number;
  error?: string;
  message?: string | string[];
  code?: string;
}

/** No answer at all (offline, server down): shown as "no connection", with what was typed kept. */
export class NetworkError extends Error {}

type Result<T> = { data?: T; error?: unknown; response: Response };

/**
 * Unwraps an openapi-fetch call for TanStack Query: the data, or an ApiError / NetworkError thrown.
 *   useQuery({ queryKey: keys.competition(id), queryFn: () => unwrap(api.GET('/api/v1/competitions/{id}', …)) })
 */
export async function unwrap<T>(call: Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await call;
  } catch (error) {
    throw new NetworkError(String(error));
  }
  if (result.response.ok) return result.data as T;
  throw new ApiError(result.response.status, (result.error ?? undefined) as ApiErrorBody | undefined);
}
