// A team's sessions for the live-stream scenarios. A person may hold only a few live streams open at once (the server
// allows 10: a phone, a laptop, some tabs), so many SSE clients are many people, as a busy shop has: five streams a
// person here. The owner signs in; each member is added by the owner through the app's own API, then signs in.
import type { BenchContext } from "./context";

export const STREAMS_PER_PERSON = 5;

/** Sessions for enough people to open `streams` streams: the owner's first, then one per member added. */
export async function teamCookies(context: BenchContext, streams: number, tag: string): Promise<string[]> {
  const owner = await context.signIn();
  const cookies = [owner];
  for (let index = 1; index < Math.ceil(streams / STREAMS_PER_PERSON); index++) {
    const email = `bench-${tag}-${context.runId}-${index}@example.test`;
    const password = `bench-${tag}-password-${context.runId}-${index}`;
    const added = await fetch(`${context.baseUrl}/api/members`, {
      method: "POST",
      headers: { cookie: owner, "content-type": "application/json" },
      body: JSON.stringify({ email, name: `Bench ${tag} ${index}`, password, role: "member" }),
    });
    if (added.status !== 201) throw new Error(`POST /api/members answered ${added.status}: ${await added.text()}`);
    cookies.push(await context.signIn({ email, password }));
  }
  return cookies;
}

/** The session the `index`-th stream opens with. */
export function streamCookie(cookies: string[], index: number): string {
  return cookies[Math.floor(index / STREAMS_PER_PERSON)]!;
}
