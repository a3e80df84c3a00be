import { describe, expect, it } from "vitest";
import { timezoneForPhone } from "@/lib/conversations/customer-timezone";
import { secondsUntilSendingWindow } from "@/lib/conversations/follow-up";

describe("follow-up timing", () => {
  it("maps area codes to timezones", () => {
    expect(timezoneForPhone("+14155550100")).toBe("America/Los_Angeles");
    expect(timezoneForPhone("+12125550100")).toBe("America/New_York");
    expect(timezoneForPhone("+13125550100")).toBe("America/Chicago");
    expect(timezoneForPhone("+16025550100")).toBe("America/Phoenix");
    expect(timezoneForPhone("+442079460958")).toBeNull();
  });
  it("sends only 8:00-20:00 local time, else waits for the next 8:00", () => {
    // 2025-01-15 15:00 UTC = 07:00 in Los Angeles, 10:00 in New York
    const at = new Date("2025-01-15T15:00:00Z");
    expect(secondsUntilSendingWindow(at, "America/New_York")).toBe(0);
    expect(secondsUntilSendingWindow(at, "America/Los_Angeles")).toBe(3600);
    // 21:30 in New York → 10.5 hours to 8:00
    expect(secondsUntilSendingWindow(new Date("2025-01-16T02:30:00Z"), "America/New_York")).toBe(10.5 * 3600);
  });
});
