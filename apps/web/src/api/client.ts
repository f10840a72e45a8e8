import { API_PREFIX, errorMessage } from '@huzhu/contract';

/** An expected failure reported by the server as `{ code, message, details }`, or a network error. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown>;

  constructor(status: number, code: string, message: string, details: Record<string, unknown>) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** Codes that mean "no valid session": the app goes back to the login page. */
const SESSION_LOST = new Set(['auth_required', 'session_expired']);

let csrfToken: string | null = null;

/** Keeps the CSRF token of the cookie session (from login or /auth/me), in memory only. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

let onSessionLost: () => void = () => {
  if (window.location.pathname !== '/login') window.location.assign('/login');
};

/** Replaces what happens when a request finds the session gone (default: go to /login). */
export function setSessionLostHandler(handler: () => void): void {
  onSessionLost = handler;
}

export type QueryValue = string | number | boolean | null | undefined;

/** Builds `/api/v1/path?a=1&b=2`, leaving out empty values. */
export function apiUrl(path: string, query: Readonly<Record<string, QueryValue>> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return `${API_PREFIX}${path}${search === '' ? '' : `?${search}`}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function errorFrom(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy page, an empty body): fall back to the status.
  }
  if (isRecord(body) && typeof body.code === 'string') {
    const message = typeof body.message === 'string' ? body.message : errorMessage(body.code);
    const details = isRecord(body.details) ? body.details : {};
    return new ApiError(response.status, body.code, message, details);
  }
  return new ApiError(response.status, 'http_error', `服务器返回错误（${response.status}）`, {});
}

async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken !== null) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiError(0, 'network_error', '无法连接服务器，请检查网络后重试', {});
  }
  if (!response.ok) {
    const error = await errorFrom(response);
    if (response.status === 401 && SESSION_LOST.has(error.code)) onSessionLost();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** GET a JSON resource under /api/v1. */
export function apiGet<T>(path: string, query?: Readonly<Record<string, QueryValue>>): Promise<T> {
  return request<T>('GET', apiUrl(path, query));
}

/** POST/PATCH/PUT/DELETE under /api/v1, with the CSRF token of the session. */
export function apiSend<T>(
  method: 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> {
  return request<T>(method, apiUrl(path), body);
}
