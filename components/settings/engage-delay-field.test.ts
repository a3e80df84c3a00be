import { describe, expect, it } from "vitest";
import { formatDelay } from "@/components/settings/engage-delay-field";

describe("the AI's wait, in words", () => {
  it("says whole minutes as minutes and anything else as seconds", () => {
    expect([30, 60, 120, 600, 90, 1, 0].map(formatDelay)).toEqual([
      "30 seconds",
      "1 minute",
      "2 minutes",
      "10 minutes",
      "90 seconds",
      "1 second",
      "0 seconds",
    ]);
  });
});
