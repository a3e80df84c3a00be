// CSRF: SameSite=Lax cookies alone let a cross-site page POST a form or a "simple" fetch with the session (and
// some browsers treat a top-level POST leniently). Every state-changing request is therefore refused when the
// browser says it comes from another site: Sec-Fetch-Site other than same-origin/none, or an Origin other than
// this app's (PUBLIC_BASE_URL, or the origin the request was addressed to). Requests with neither header (API
// clients, scripts, integrations) are judged by their session alone.
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isStateChanging(request: Request): boolean {
  return !SAFE_METHODS.has(request.method.toUpperCase());
}

export function assertSameOrigin(request: Request): void {
  const site = request.headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin" && site !== "none") {
    throw new AppError("forbidden", "Cross-site requests are not accepted.");
  }
  const origin = request.headers.get("origin");
  if (origin === null) return;
  const allowed = [new URL(env().publicBaseUrl).origin, new URL(request.url).origin];
  if (!allowed.includes(origin)) throw new AppError("forbidden", "Cross-site requests are not accepted.");
}
