// Signs in the way the browser form does (next-auth credentials: CSRF token + cookie, then the callback) and
// returns a Cookie header value carrying the session, for API reads, SSE and takeovers in benchmarks and e2e.
export async function signIn(
  baseUrl: string,
  { email, password }: { email: string; password: string },
): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  if (!csrf.ok) throw new Error(`GET /api/auth/csrf answered ${csrf.status}`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const index = pair!.indexOf("=");
      if (index > 0) jar.set(pair!.slice(0, index).trim(), pair!.slice(index + 1).trim());
    }
  };
  keep(csrf);
  const callback = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken, email, password, json: "true", callbackUrl: "/inbox" }).toString(),
  });
  keep(callback);
  if (![...jar.keys()].some((name) => name.endsWith("next-auth.session-token"))) {
    throw new Error(`signing in as ${email} failed (credentials callback answered ${callback.status})`);
  }
  return cookieHeader(jar);
}

function cookieHeader(jar: Map<string, string>): string {
  return [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
}
