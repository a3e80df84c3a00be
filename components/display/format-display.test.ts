import { describe, expect, it } from "vitest";
import { formatPhoneNumber, homeCallingCode } from "@/components/display/format-phone";
import { formatInZone, timeZoneLabel, utcOffsetAt, zoneAbbreviation } from "@/components/display/format-time";

describe("phone numbers for people", () => {
  it("national format at home, international from abroad", () => {
    expect(formatPhoneNumber("+13125550155", "1")).toBe("(312) 555-0155");
    expect(formatPhoneNumber("+442079460958", "1")).toBe("+44 20 7946 0958");
    expect(formatPhoneNumber("+442079460958", "44")).toBe("020 7946 0958");
    expect(formatPhoneNumber("anonymous", "1")).toBe("anonymous");
  });

  it("takes the business's country from its Twilio number, else its own phone, else North America", () => {
    expect(homeCallingCode("+442079460958", "+13125550155")).toBe("44");
    expect(homeCallingCode(undefined, "+33612345678")).toBe("33");
    expect(homeCallingCode(null, null)).toBe("1");
  });
});

describe("times for people", () => {
  const instant = new Date("2026-11-30T03:13:00Z");

  it("formats in the business's zone whatever the machine's", () => {
    expect(formatInZone(instant, "America/New_York", "time")).toBe("10:13 PM");
    expect(formatInZone(instant, "America/New_York")).toBe("Nov 29, 2026, 10:13 PM");
    expect(formatInZone(instant, "Europe/Berlin", "dayMonth")).toBe("Nov 30");
  });

  it("names zones in words, and tells zones apart by their offset at that instant", () => {
    expect(timeZoneLabel("America/New_York")).toBe("Eastern Time (New York)");
    expect(timeZoneLabel("America/Los_Angeles")).toBe("Pacific Time (Los Angeles)");
    expect(zoneAbbreviation(instant, "America/New_York")).toBe("EST");
    expect(utcOffsetAt(instant, "America/Detroit")).toBe(utcOffsetAt(instant, "America/New_York"));
    expect(utcOffsetAt(instant, "America/Chicago")).not.toBe(utcOffsetAt(instant, "America/New_York"));
  });
});
