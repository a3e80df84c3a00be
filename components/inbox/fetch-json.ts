// SWR fetcher and JSON POST for the inbox: errors carry the API's message so the UI can show it.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** the API's per-field messages ([{ path, message }]) of a 4xx, for showing each next to its field */
    readonly details?: unknown,
  ) {
    super(message);
  }
}

async function parse<T>(response: Response): Promise<T> {
  const body = (await response.json().catch(() => ({}))) as {
    error?: { code?: string; message?: string; details?: unknown };
  };
  if (!response.ok) {
    throw new ApiError(
      response.status,
      body.error?.code ?? "error",
      body.error?.message ?? "Something went wrong. Try again.",
      body.error?.details,
    );
  }
  return body as T;
}

export const fetchJson = <T>(url: string): Promise<T> =>
  fetch(url, { credentials: "same-origin" }).then((r) => parse<T>(r));

export function postJson<T>(url: string, body?: unknown, method = "POST"): Promise<T> {
  return fetch(url, {
    method,
    credentials: "same-origin",
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  }).then((r) => parse<T>(r));
}

/** `fetchJson`, with the moment the answer arrived by this device's clock: a countdown adds the server's remaining
 *  milliseconds to it, so a phone whose clock is off still shows the right time left. */
export const fetchJsonStamped = <T>(url: string): Promise<T & { receivedAt: number }> =>
  fetchJson<T>(url).then((body) => ({ ...body, receivedAt: Date.now() }));
