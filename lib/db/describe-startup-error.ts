// Why the app could not start, as one sentence for the person who started it: the variable to look at and the
// likely fix. Database and environment mistakes are the common ones; their stack traces help nobody.
const EXAMPLE_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

function where(databaseUrl: string | undefined): string {
  if (!databaseUrl) return "the database";
  try {
    const url = new URL(databaseUrl);
    return `${url.hostname}:${url.port || "5432"}`;
  } catch {
    return "the database";
  }
}

/** The one line to print for `error`, or null when it is not a known startup mistake (print it whole). */
export function describeStartupError(error: unknown, databaseUrl: string | undefined): string | null {
  if (!(error instanceof Error)) return null;
  const code = String((error as { code?: unknown }).code ?? "");
  const message = error.message;
  // The environment's own refusals (lib/env.ts ConfigError: a missing AUTH_SECRET in production, the demo password…).
  if (error.name === "ConfigError" || message.startsWith("Invalid environment")) {
    return message.replace(/\n\s*/g, " ");
  }
  if (!databaseUrl) return null;
  if (/^postgres(ql)?:\/\//.test(databaseUrl) === false) {
    return `DATABASE_URL is not a PostgreSQL connection string: use the form ${EXAMPLE_URL}, or unset it for the embedded database.`;
  }
  if (code === "28000" && /no PostgreSQL user name/i.test(message)) {
    return `DATABASE_URL names no user: put one before the host, e.g. ${EXAMPLE_URL}.`;
  }
  if (code === "28000" || code === "28P01") {
    return `DATABASE_URL: the server refused the login (${message}). Check the user and password in it.`;
  }
  if (code === "3D000") {
    return `DATABASE_URL: ${message}. Create it (createdb) or name an existing database in the URL.`;
  }
  if (["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "EHOSTUNREACH", "ECONNRESET"].includes(code)) {
    return `DATABASE_URL: cannot reach PostgreSQL at ${where(databaseUrl)} (${code}). Start the server or fix the host and port; unset DATABASE_URL to use the embedded database.`;
  }
  return null;
}
