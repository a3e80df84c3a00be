// The open redirect from the review: /login?callbackUrl=/.//127.0.0.1:3918/pwned landed on that origin.
import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/components/shell/safe-callback-path";

const origin = "https://app.ringback.test";

describe("safeCallbackPath", () => {
  it("keeps same-origin paths with their query and hash", () => {
    expect(safeCallbackPath("/inbox/abc?focus=composer#end", origin)).toBe("/inbox/abc?focus=composer#end");
    expect(safeCallbackPath(`${origin}/leads?status=won`, origin)).toBe("/leads?status=won");
    expect(safeCallbackPath(undefined, origin)).toBe("/inbox");
  });

  it("refuses every way out to another origin", () => {
    for (const hostile of [
      "/.//127.0.0.1:3918/pwned",
      "//evil.example/x",
      "/\\evil.example/x",
      "\\\\evil.example",
      "/./..//evil.example",
      "/%2e//evil.example",
      "https://evil.example/inbox",
      "http://app.ringback.test/inbox", // same host, other scheme: another origin
      "javascript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "https://app.ringback.test.evil.example/",
      "/login?callbackUrl=//evil.example",
    ]) {
      const path = safeCallbackPath(hostile, origin);
      expect(path, hostile).toMatch(/^\/(?![/\\])/);
      expect(new URL(path, origin).origin, hostile).toBe(origin);
      if (hostile.includes("evil") || hostile.includes("127.0.0.1") || hostile.startsWith("http:")) {
        expect(path, hostile).toBe("/inbox");
      }
    }
  });
});
