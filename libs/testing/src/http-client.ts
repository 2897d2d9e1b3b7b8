import { NestFastifyApplication } from '@nestjs/platform-fastify';

export interface HttpResponse<T = any> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | undefined>;
  text: string;
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
    const res = await this.app
      .getHttpAdapter()
      .getInstance()
      .inject({
        method,
        url: path.startsWith('/api/') ? path : `/api/v1${path}`,
        headers: {
          ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
          ...(body !== undefined && typeof body !== 'string' ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        payload: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
    let parsed: unknown = res.body;
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
}
