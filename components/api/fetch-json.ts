// The one way the dashboard's client code calls the API: same-origin (the session cookie
// authenticates), JSON in and out, and the error envelope turned into a typed error.

export class ApiClientError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly path?: string,
    readonly position?: number,
  ) {
    super(message);
    this.name = "ApiClientError";
  }
}

export async function fetchJson<T>(url: string, init: { method?: string; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
  const res = await fetch(url, {
    method: init.method ?? "GET",
    headers: init.body === undefined ? undefined : { "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: init.signal,
    credentials: "same-origin",
  });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const e = (body as { error?: { code?: string; message?: string; path?: string; position?: number } } | null)?.error;
    throw new ApiClientError(res.status, e?.code ?? "http_error", e?.message ?? `HTTP ${res.status}`, e?.path, e?.position);
  }
  return body as T;
}

export const queryString = (params: Record<string, string | number | undefined | null>) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") q.set(k, String(v));
  return q.toString();
};
