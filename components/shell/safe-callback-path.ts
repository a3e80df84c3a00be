// Where to go after sign-in: only a path on this very origin. ?callbackUrl= is attacker-controlled, and
// "/.//evil.example/x" normalises to "//evil.example/x", which a browser reads as another origin: so the value is
// resolved with URL against the app's own origin, the origins are compared, and the path handed back must not
// start with two slashes (or a backslash) either.
const FALLBACK = "/inbox";

export function safeCallbackPath(callbackUrl: string | undefined, origin: string): string {
  if (!callbackUrl) return FALLBACK;
  let url: URL;
  try {
    url = new URL(callbackUrl, origin);
  } catch {
    return FALLBACK;
  }
  if (url.origin !== new URL(origin).origin) return FALLBACK;
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (!path.startsWith("/") || /^\/[/\\]/.test(path) || url.pathname.startsWith("/login")) return FALLBACK;
  // Checked once more the way the router will read it: relative to this origin, it must stay on this origin.
  return new URL(path, origin).origin === new URL(origin).origin ? path : FALLBACK;
}
