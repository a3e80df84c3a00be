// /api/auth/* — next-auth's sign-in, sign-out, session and CSRF endpoints, with our own checks in front: a body cap,
// the cross-site check every state-changing route has, and a session answer only for a session that still holds.
import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { getAuthOptions } from "@/lib/auth/options";
import { answerSession } from "@/lib/auth/answer-session";
import { toResponse } from "@/lib/errors";
import { assertSameOrigin } from "@/lib/http/same-origin";
import { MAX_AUTH_BYTES, readBodyText } from "@/lib/http/read-body";
import { mediaTypeOf } from "@/lib/http/route";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ nextauth: string[] }> };

function handler(request: Request, context: Context) {
  return NextAuth(getAuthOptions())(request, context);
}

// GET on the credentials callback is a client error ("not supported" inside next-auth, a 500 there).
async function get(request: Request, context: Context) {
  const [action, provider] = (await context.params).nextauth ?? [];
  if (action === "callback" && provider === "credentials") {
    return new Response("Method Not Allowed", { status: 405, headers: { Allow: "POST" } });
  }
  if (action === "session") return answerSession(request, () => handler(request, context));
  return handler(request, context);
}

// The body is read here, capped, and handed on: next-auth would read any size, and turns a JSON body that does not
// parse into a 500 (it calls request.json() unguarded).
async function post(request: Request, context: Context) {
  let text: string;
  try {
    assertSameOrigin(request);
    text = await readBodyText(request, MAX_AUTH_BYTES);
  } catch (error) {
    return toResponse(error);
  }
  if (mediaTypeOf(request) === "application/json") {
    try {
      JSON.parse(text);
    } catch {
      return new Response("Bad Request", { status: 400 });
    }
  }
  const forwarded = new NextRequest(request.url, { method: "POST", headers: request.headers, body: text });
  return handler(forwarded, context);
}

export { get as GET, post as POST };
