import { describe, expect, it } from "vitest";
import { nextInterval } from "@/components/settings/next-interval";
import { intervalSchema } from "@/lib/business/business-hours";

describe("nextInterval (+ Add hours)", () => {
  it("after a day that ends at 23:59 it never offers 23:59–23:59, but the morning before it", () => {
    const added = nextInterval([{ open: "18:00", close: "23:59" }]);
    expect(added).toEqual({ open: "14:00", close: "18:00" });
    expect(intervalSchema.safeParse(added).success).toBe(true);
  });

  it("continues after the last interval, four hours at most and never past 23:59", () => {
    expect(nextInterval([{ open: "08:00", close: "12:00" }])).toEqual({ open: "12:00", close: "16:00" });
    expect(nextInterval([{ open: "08:00", close: "21:30" }])).toEqual({ open: "21:30", close: "23:59" });
    expect(nextInterval([{ open: "08:00", close: "24:00" }])).toEqual({ open: "04:00", close: "08:00" });
  });

  it("a full day has no room left: nothing to add", () => {
    expect(nextInterval([{ open: "00:00", close: "23:59" }])).toBeNull();
    expect(nextInterval([{ open: "00:10", close: "23:45" }])).toBeNull();
  });

  it("whatever it offers is valid for the API", () => {
    for (const close of ["00:30", "09:00", "17:00", "23:00", "23:29", "23:30", "23:59"]) {
      const added = nextInterval([{ open: "00:00", close }]);
      if (added) expect(intervalSchema.safeParse(added).success, `after 00:00–${close}`).toBe(true);
    }
  });
});
