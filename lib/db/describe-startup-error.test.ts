// The sentences for the usual startup mistakes, from errors shaped as the pg driver and env() throw them.
import { describe, expect, it } from "vitest";
import { describeStartupError } from "@/lib/db/describe-startup-error";

const pgError = (code: string, message: string) => Object.assign(new Error(message), { code });
const url = "postgresql://postgres@db.internal:6543/ringback";

describe("describeStartupError", () => {
  it("names DATABASE_URL and the fix for each usual database mistake", () => {
    expect(describeStartupError(pgError("28000", "no PostgreSQL user name specified in startup packet"), url)).toMatch(
      /DATABASE_URL names no user: put one before the host/,
    );
    expect(describeStartupError(pgError("28P01", 'password authentication failed for user "x"'), url)).toMatch(
      /refused the login .* Check the user and password/,
    );
    expect(describeStartupError(pgError("3D000", 'database "ringback" does not exist'), url)).toMatch(
      /database "ringback" does not exist\. Create it/,
    );
    expect(describeStartupError(pgError("ENOTFOUND", "getaddrinfo ENOTFOUND db.internal"), url)).toMatch(
      /cannot reach PostgreSQL at db\.internal:6543 \(ENOTFOUND\)/,
    );
  });

  it("passes invalid-environment messages on as one line; unknown errors are left whole", () => {
    const invalid = new Error("Invalid environment:\n  PORT: Too big");
    expect(describeStartupError(invalid, undefined)).toBe("Invalid environment: PORT: Too big");
    expect(describeStartupError(new Error("something else"), url)).toBeNull();
  });
});
