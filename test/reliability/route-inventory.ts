// Every route handler under app/api, found on disk (a new route is fuzzed and checked without touching the tests).
import { globSync } from "node:fs";
import path from "node:path";

export type Handler = (
  request: Request,
  context: { params: Promise<Record<string, string | string[]>> },
) => Promise<Response>;
export type RouteMethod = { file: string; urlPath: string; method: string; handler: Handler; paramNames: string[] };

const METHODS = ["GET", "POST", "PATCH", "PUT", "DELETE"] as const;

/** "app/api/threads/[id]/events/route.ts" → "/api/threads/[id]/events" */
export function urlPathOf(file: string): string {
  return `/${path.dirname(file).split(path.sep).slice(1).join("/")}`;
}

export async function loadRoutes(root = process.cwd()): Promise<RouteMethod[]> {
  const files = globSync("app/api/**/route.ts", { cwd: root }).sort();
  const routes: RouteMethod[] = [];
  for (const file of files) {
    const loaded = (await import(path.join(root, file))) as Record<string, unknown>;
    const urlPath = urlPathOf(file);
    const paramNames = [...urlPath.matchAll(/\[(?:\.\.\.)?([^\]]+)\]/g)].map((match) => match[1]!);
    for (const method of METHODS) {
      const handler = loaded[method];
      if (typeof handler === "function")
        routes.push({ file, urlPath, method, handler: handler as Handler, paramNames });
    }
  }
  return routes;
}

/**
 * Fills the dynamic segments of `urlPath` (each with `fallback`, or its own from `values`) and builds the matching second
 * argument of the handler.
 */
export function withParams(route: RouteMethod, fallback: string, values: Record<string, string> = {}) {
  const params: Record<string, string | string[]> = {};
  let urlPath = route.urlPath;
  for (const name of route.paramNames) {
    const value = values[name] ?? fallback;
    const isCatchAll = urlPath.includes(`[...${name}]`);
    params[name] = isCatchAll ? value.split("/") : value;
    urlPath = urlPath.replace(
      isCatchAll ? `[...${name}]` : `[${name}]`,
      encodeURIComponent(value).replaceAll("%2F", "/"),
    );
  }
  return { urlPath, context: { params: Promise.resolve(params) } };
}
