// next-auth 4's App Router handler reads cookies() and headers() from next/headers, which only work inside a Next
// request scope. Tests call route handlers directly, so this points those two functions at the request being
// handled (the rest of next-auth and our route runs unchanged).
import { createRequire } from "node:module";
import { NextRequest } from "next/server";

type HeadersModule = { cookies: () => Promise<unknown>; headers: () => Promise<Headers> };

let current: Request | null = null;
let isInstalled = false;

function parseCookies(header: string | null): { name: string; value: string }[] {
  return (header ?? "")
    .split(";")
    .map((part) => part.trim())
    .filter((part) => part.includes("="))
    .map((part) => ({
      name: part.slice(0, part.indexOf("=")),
      value: decodeURIComponent(part.slice(part.indexOf("=") + 1)),
    }));
}

function install() {
  if (isInstalled) return;
  const requireFromNextAuth = createRequire(createRequire(import.meta.url).resolve("next-auth/next"));
  const nextHeaders = requireFromNextAuth("next/headers") as HeadersModule;
  nextHeaders.cookies = async () => ({ getAll: () => parseCookies(current?.headers.get("cookie") ?? null) });
  nextHeaders.headers = async () => new Headers(current?.headers);
  isInstalled = true;
}

/** Runs `handler` with `request` as the current Next request (sequential use only). */
export async function withRequestScope<T>(request: Request, handler: (request: NextRequest) => Promise<T>): Promise<T> {
  install();
  const nextRequest = request instanceof NextRequest ? request : new NextRequest(request);
  current = nextRequest;
  try {
    return await handler(nextRequest);
  } finally {
    current = null;
  }
}
