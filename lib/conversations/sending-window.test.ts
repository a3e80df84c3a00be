// The follow-up's quiet hours from the customer's own time zones (Google's phone metadata), with the fallback.
import { describe, expect, it } from "vitest";
import { customerTimeZones } from "@/lib/conversations/customer-time-zones";
import { secondsUntilLocalWindow, secondsUntilSendingWindow } from "@/lib/conversations/sending-window";

describe("customerTimeZones", () => {
  it.each([
    ["+14155550100", ["America/Los_Angeles"]],
    ["+12125550100", ["America/New_York"]],
    ["+13125550100", ["America/Chicago"]],
    ["+16025550100", ["America/Phoenix"]],
    ["+18085550100", ["Pacific/Honolulu"]],
    ["+17875550100", ["America/Puerto_Rico"]],
    ["+16475550100", ["America/Toronto"]],
    ["+34612345678", ["Europe/Madrid"]],
    ["+61412345678", ["Australia/Sydney"]],
  ])("%s is in %j", async (phone, zones) => {
    expect(await customerTimeZones(phone)).toEqual(zones);
  });

  it("knows numbers that span zones, and none for an invalid number", async () => {
    expect(await customerTimeZones("+447911123456")).toContain("Europe/London");
    expect(await customerTimeZones("+525512345678")).toContain("America/Mexico_City");
    expect((await customerTimeZones("+18005550100")).length).toBeGreaterThan(20);
    expect(await customerTimeZones("+1555")).toEqual([]);
  });
});

describe("secondsUntilSendingWindow", () => {
  // 2025-01-15 15:00 UTC = 07:00 in Los Angeles, 10:00 in New York, 15:00 in London, 02:00 in Sydney
  const at = new Date("2025-01-15T15:00:00Z");

  it("sends only 8:00–20:00 in one zone, else waits for the next 8:00", () => {
    expect(secondsUntilLocalWindow(at, "America/New_York")).toBe(0);
    expect(secondsUntilLocalWindow(at, "America/Los_Angeles")).toBe(3600);
    expect(secondsUntilLocalWindow(new Date("2025-01-16T02:30:00Z"), "America/New_York")).toBe(10.5 * 3600);
  });

  it("gives a customer abroad their own daytime", async () => {
    expect(secondsUntilSendingWindow(at, await customerTimeZones("+447911123456"))).toBe(0);
    expect(secondsUntilSendingWindow(at, await customerTimeZones("+61412345678"))).toBe(6 * 3600);
  });

  it("waits until it is daytime in every zone the number may be in", async () => {
    // Alaska (Anchorage and Adak, one hour apart): 06:00 and 05:00 → three hours until 8:00 in Adak.
    expect(secondsUntilSendingWindow(at, await customerTimeZones("+19075550100"))).toBe(3 * 3600);
  });

  it("finds the narrow common daytime of a non-geographic +1 number (Guam to Newfoundland)", async () => {
    // 22:00 UTC is 08:00 in Guam, 11:00 in Pago Pago and 18:30 in St. John's.
    expect(secondsUntilSendingWindow(at, await customerTimeZones("+18005550100"))).toBe(7 * 3600);
  });

  it("gives up when the zones never share daytime: the caller falls back to the business's zone", () => {
    // Eight hours apart each: one zone's daytime is always another's night.
    expect(secondsUntilSendingWindow(at, ["Etc/UTC", "Asia/Shanghai", "Pacific/Pitcairn"])).toBeNull();
    expect(secondsUntilSendingWindow(at, [])).toBeNull();
  });

  it("never texts before 8:00 across a DST change", () => {
    // 01:30 in New York on the night clocks jump from 2:00 to 3:00 (8:00 EDT is 12:00 UTC): sent by 9:00 at the latest.
    const night = new Date("2025-03-09T06:30:00Z");
    const sendAt = night.getTime() + secondsUntilSendingWindow(night, ["America/New_York"])! * 1000;
    expect(sendAt).toBeGreaterThanOrEqual(Date.parse("2025-03-09T12:00:00Z"));
    expect(sendAt).toBeLessThanOrEqual(Date.parse("2025-03-09T13:00:00Z"));
    // The night clocks go back (01:30 EDT, then 01:00–02:00 again in EST): the jump lands at 7:00 and waits once more.
    const fallBack = new Date("2025-11-02T05:30:00Z");
    const fallBackSendAt = fallBack.getTime() + secondsUntilSendingWindow(fallBack, ["America/New_York"])! * 1000;
    expect(fallBackSendAt).toBe(Date.parse("2025-11-02T13:00:00Z"));
  });
});
