// GET /api/auth/session through next-auth would decode any JWT it signed and re-issue it with a fresh expiry, also
// for a session that has ended (password changed, member removed). It is answered only when the session still
// holds (the same check every API route makes); otherwise the "no session" answer, and the cookie is cleared.
import { getMember } from "@/lib/auth/session";
import { env } from "@/lib/env";

export async function answerSession(request: Request, next: () => Promise<Response>): Promise<Response> {
  if (await getMember(request)) return next();
  const isSecure = env().publicBaseUrl.startsWith("https://");
  const name = `${isSecure ? "__Secure-" : ""}next-auth.session-token`;
  const headers = new Headers({ "cache-control": "no-store" });
  if ((request.headers.get("cookie") ?? "").includes(name)) {
    headers.append("set-cookie", `${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${isSecure ? "; Secure" : ""}`);
  }
  return Response.json({}, { headers });
}
