import { applyDecorators } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiExtraModels,
  ApiOperation,
  ApiProperty,
  ApiResponse,
  ApiSecurity,
  getSchemaPath,
} from '@nestjs/swagger';

export const SESSION_COOKIE = 'grants_session';

/** API.md's error shape, as the DomainErrorFilter sends it. */
export class ErrorResponse {
  @ApiProperty({ example: 422 }) statusCode: number;
  @ApiProperty({ example: 'Unprocessable Entity' }) error: string;
  @ApiProperty({
    oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
    description: 'For 400s: one string per offending field',
  })
  message: string | string[];
  @ApiProperty({ example: 'DEADLINE_PASSED', description: 'Machine-readable code from API.md' }) code: string;
}

type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503;

const GENERIC: Record<ErrorStatus, string> = {
  400: 'VALIDATION_FAILED: invalid or unknown fields or parameters, each named in `message`',
  401: 'UNAUTHORIZED: missing or invalid access token',
  403: 'FORBIDDEN: the caller’s role may never call this endpoint; CSRF_REJECTED: a cookie-authenticated change from a foreign origin',
  404: 'NOT_FOUND: no such resource in the caller’s scope',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_FILE_TYPE',
  422: 'RULE_VIOLATION',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE: nothing was done; retry after the `Retry-After` seconds',
};

/** `true` documents the generic code of the status; a string lists the domain codes and when they occur. */
export type ErrorDocs = Partial<Record<ErrorStatus, true | string>>;

/**
 * Who may call: `public` needs no token, `optional` needs none but a token widens what is seen
 * (admins see drafts), `user` any signed-in user (401 without a token), `roles` only some roles
 * (401, and 403 for the others).
 */
export type Access = 'public' | 'optional' | 'user' | 'roles';

/** One place for an operation's summary, bearer auth and error responses in the OpenAPI document. */
export function ApiDoc(summary: string, access: Access, errors: ErrorDocs = {}) {
  const all: ErrorDocs = {
    ...(access === 'user' || access === 'roles' ? { 401: true } : {}),
    ...(access === 'roles' ? { 403: true } : {}),
    ...errors,
  };
  return applyDecorators(
    ApiOperation({ summary }),
    ApiExtraModels(ErrorResponse),
    // Either a bearer token or the browser's session cookie.
    ...(access === 'user' || access === 'roles' ? [ApiBearerAuth(), ApiCookieAuth()] : []),
    // No scheme: written as `security: []` by buildOpenApiDocument.
    ...(access === 'public' ? [ApiSecurity({})] : []),
    // OpenAPI's way to say "no token, or a bearer token or the cookie".
    ...(access === 'optional' ? [ApiSecurity({}), ApiBearerAuth(), ApiCookieAuth()] : []),
    ...Object.entries(all).map(([status, doc]) =>
      ApiResponse({
        status: Number(status),
        description: doc === true ? GENERIC[Number(status) as ErrorStatus] : doc,
        schema: { $ref: getSchemaPath(ErrorResponse) },
        ...(status === '503'
          ? {
              headers: {
                'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer' } },
              },
            }
          : {}),
      }),
    ),
  );
}
