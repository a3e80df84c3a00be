// How every entry point stops when it cannot start: one readable line for known mistakes (a wrong DATABASE_URL,
// an invalid variable), the whole error otherwise.
import { describeStartupError } from "@/lib/db/describe-startup-error";

export function exitOnStartupError(error: unknown): never {
  const line = describeStartupError(error, process.env.DATABASE_URL);
  console.error(line ? `Ringback cannot start: ${line}` : error);
  process.exit(1);
}
