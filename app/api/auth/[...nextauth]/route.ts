// /api/auth/* — next-auth's sign-in, sign-out, session and CSRF endpoints.
import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth/options";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ nextauth: string[] }> };

function handler(request: Request, context: Context) {
  return NextAuth(getAuthOptions())(request, context);
}

// Two inputs next-auth turns into a 500 are client errors: GET on the credentials callback ("not supported")
// and a POST whose JSON body does not parse (it calls request.json() unguarded).
async function get(request: Request, context: Context) {
  const [action, provider] = (await context.params).nextauth ?? [];
  if (action === "callback" && provider === "credentials") {
    return new Response("Method Not Allowed", { status: 405, headers: { Allow: "POST" } });
  }
  return handler(request, context);
}

async function post(request: Request, context: Context) {
  if ((request.headers.get("content-type") ?? "").toLowerCase().includes("application/json")) {
    try {
      JSON.parse(await request.clone().text());
    } catch {
      return new Response("Bad Request", { status: 400 });
    }
  }
  return handler(request, context);
}

export { get as GET, post as POST };
