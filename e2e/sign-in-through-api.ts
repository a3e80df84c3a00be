// Signs in the way the browser form does (next-auth credentials: CSRF token, then the callback), without a page.
import { expect, type APIRequestContext } from "@playwright/test";

// The e2e server's owner (playwright.config.ts): production refuses the demo password "ringback-demo".
export const demoOwner = { email: "owner@example.com", password: "e2e-owner-password" } as const;

export async function signInThroughApi(request: APIRequestContext, { email, password } = demoOwner) {
  const csrf = await request.get("/api/auth/csrf");
  expect(csrf.ok()).toBe(true);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const callback = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true", callbackUrl: "/inbox" },
    maxRedirects: 0,
  });
  expect(callback.status(), "the credentials callback answers with a redirect").toBeLessThan(400);
  const { cookies } = await request.storageState();
  const session = cookies.find((cookie) => cookie.name.endsWith("next-auth.session-token"));
  expect(session, `signed in as ${email}`).toBeDefined();
  return cookies;
}
