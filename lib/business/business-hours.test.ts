import { describe, expect, it } from "vitest";
import { defaultBusinessHours, isWithinBusinessHours } from "@/lib/business/business-hours";

const hours = defaultBusinessHours; // mon–fri 08:00–17:00

describe("isWithinBusinessHours", () => {
  it("uses the business's timezone, not the server's", () => {
    const at = new Date("2025-01-15T14:00:00Z"); // Wednesday: 09:00 New York, 06:00 Los Angeles, 23:00 Tokyo
    expect(isWithinBusinessHours({ hours, timeZone: "America/New_York", at })).toBe(true);
    expect(isWithinBusinessHours({ hours, timeZone: "America/Los_Angeles", at })).toBe(false);
    expect(isWithinBusinessHours({ hours, timeZone: "Asia/Tokyo", at })).toBe(false);
  });
  it("closing time is exclusive and closed days are closed", () => {
    expect(isWithinBusinessHours({ hours, timeZone: "America/New_York", at: new Date("2025-01-15T21:59:00Z") })).toBe(
      true,
    ); // 16:59
    expect(isWithinBusinessHours({ hours, timeZone: "America/New_York", at: new Date("2025-01-15T22:00:00Z") })).toBe(
      false,
    ); // 17:00
    expect(isWithinBusinessHours({ hours, timeZone: "America/New_York", at: new Date("2025-01-18T15:00:00Z") })).toBe(
      false,
    ); // Saturday
  });
  it("follows DST changes: 8:00 local is a different UTC hour in winter and summer", () => {
    // 2025-03-10 (Mon, after spring forward): 08:30 EDT = 12:30 UTC; in winter 12:30 UTC is 07:30 EST
    expect(isWithinBusinessHours({ hours, timeZone: "America/New_York", at: new Date("2025-03-10T12:30:00Z") })).toBe(
      true,
    );
    expect(isWithinBusinessHours({ hours, timeZone: "America/New_York", at: new Date("2025-03-07T12:30:00Z") })).toBe(
      false,
    );
    // 2025-11-03 (Mon, after fall back): 16:30 EST = 21:30 UTC (open); the Friday before, 21:30 UTC = 17:30 EDT (closed)
    expect(isWithinBusinessHours({ hours, timeZone: "America/New_York", at: new Date("2025-11-03T21:30:00Z") })).toBe(
      true,
    );
    expect(isWithinBusinessHours({ hours, timeZone: "America/New_York", at: new Date("2025-10-31T21:30:00Z") })).toBe(
      false,
    );
  });
  it("handles a day whose weekday differs between UTC and the business", () => {
    // Saturday 02:00 UTC = Friday 18:00 Los Angeles (closed) / Friday 16:00 Honolulu (open)
    const at = new Date("2025-01-18T02:00:00Z");
    expect(isWithinBusinessHours({ hours, timeZone: "America/Los_Angeles", at })).toBe(false);
    expect(isWithinBusinessHours({ hours, timeZone: "Pacific/Honolulu", at })).toBe(true);
  });
});
