import type { App } from '../../src/server/lib/http.js';

export interface Reply<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
}

/**
 * A person using the API as a browser would: keeps the session cookie, sends the Origin
 * and the CSRF token on writes. Or, with `bearer`, as an API client.
 */
export class Client {
  cookie: string | null = null;
  csrfToken: string | null = null;
  bearer: string | null = null;
  /** Sent as Origin on writes, like a browser; '' sends none. */
  origin: string;

  constructor(
    private readonly app: App,
    origin: string,
  ) {
    this.origin = origin;
  }

  async request<T = Record<string, unknown>>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply<T>> {
    const all: Record<string, string> = { ...headers };
    if (this.bearer !== null) all.authorization = `Bearer ${this.bearer}`;
    if (this.cookie !== null) all.cookie = `moebius_session=${this.cookie}`;
    if (method !== 'GET') {
      if (this.origin !== '') all.origin ??= this.origin;
      if (this.csrfToken !== null) all['x-csrf-token'] ??= this.csrfToken;
    }
    let payload: string | Buffer | undefined;
    if (body !== undefined) {
      payload = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
      all['content-type'] ??= 'application/json';
    }
    const response = await this.app.inject({ method, url, headers: all, ...(payload !== undefined ? { payload } : {}) });
    const setCookie = response.cookies.find((c) => c.name === 'moebius_session');
    if (setCookie) this.cookie = setCookie.value === '' ? null : setCookie.value;
    const text = response.body;
    const parsed = text === '' ? {} : response.headers['content-type']?.toString().includes('json') ? JSON.parse(text) : { text };
    if (parsed && typeof parsed === 'object' && 'csrfToken' in parsed && typeof parsed.csrfToken === 'string') this.csrfToken = parsed.csrfToken;
    return { status: response.statusCode, body: parsed as T, headers: response.headers };
  }

  /** Posts a multipart form (built with the platform's FormData), as a browser would. */
  async upload<T = Record<string, unknown>>(url: string, form: FormData): Promise<Reply<T>> {
    const request = new Request('http://upload.invalid/', { method: 'POST', body: form });
    const payload = Buffer.from(await request.arrayBuffer());
    const headers: Record<string, string> = { 'content-type': request.headers.get('content-type') ?? '' };
    if (this.csrfToken !== null) headers['x-csrf-token'] = this.csrfToken;
    return this.request<T>('POST', url, payload, headers);
  }

  get<T = Record<string, unknown>>(url: string, headers?: Record<string, string>) {
    return this.request<T>('GET', url, undefined, headers);
  }
  post<T = Record<string, unknown>>(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', url, body, headers);
  }
  patch<T = Record<string, unknown>>(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('PATCH', url, body, headers);
  }
  delete<T = Record<string, unknown>>(url: string, headers?: Record<string, string>) {
    return this.request<T>('DELETE', url, undefined, headers);
  }
}
