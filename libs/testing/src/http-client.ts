import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { MultipartBody } from './document-fixtures';

export interface HttpResponse<T = any> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** The body's bytes (downloads). */
  raw: Buffer;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Drives the api in-process through Fastify's inject: the full HTTP stack without a socket. */
export class HttpClient {
  constructor(
    private readonly app: NestFastifyApplication,
    private readonly token?: string,
  ) {}

  as(token: string | { accessToken: string }): HttpClient {
    return new HttpClient(this.app, typeof token === 'string' ? token : token.accessToken);
  }

  anonymous(): HttpClient {
    return new HttpClient(this.app);
  }

  async request<T = any>(
    method: Method,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<HttpResponse<T>> {
    const multipart = body instanceof MultipartBody ? body : undefined;
    const res = await this.app
      .getHttpAdapter()
      .getInstance()
      .inject({
        method,
        url: path.startsWith('/api/') ? path : `/api/v1${path}`,
        headers: {
          ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
          ...(multipart ? { 'content-type': multipart.contentType } : {}),
          ...(body !== undefined && !multipart && typeof body !== 'string'
            ? { 'content-type': 'application/json' }
            : {}),
          ...headers,
        },
        payload: multipart
          ? multipart.payload
          : body === undefined
            ? undefined
            : typeof body === 'string'
              ? body
              : JSON.stringify(body),
      });
    let parsed: unknown = res.body;
    const raw = res.rawPayload;
    if (String(res.headers['content-type'] ?? '').includes('json') && res.body) {
      try {
        parsed = JSON.parse(res.body);
      } catch {
        parsed = res.body;
      }
    }
    return {
      status: res.statusCode,
      body: parsed as T,
      headers: res.headers as HttpResponse['headers'],
      text: res.body,
      raw,
    };
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = any>(path: string, body: unknown = {}) {
    return this.request<T>('POST', path, body);
  }
  put<T = any>(path: string, body: unknown = {}) {
    return this.request<T>('PUT', path, body);
  }
  patch<T = any>(path: string, body: unknown = {}) {
    return this.request<T>('PATCH', path, body);
  }
  delete<T = any>(path: string) {
    return this.request<T>('DELETE', path);
  }
  /** POSTs a multipart body (see multipart() and documentUpload()). */
  upload<T = any>(path: string, body: MultipartBody) {
    return this.request<T>('POST', path, body);
  }
}
