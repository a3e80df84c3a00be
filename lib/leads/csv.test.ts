import { describe, expect, it } from "vitest";
import { csvField, csvRow } from "@/lib/leads/csv";

describe("CSV fields (RFC 4180 + injection)", () => {
  it("quotes commas, quotes and newlines, doubling inner quotes", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("line1\nline2")).toBe('"line1\nline2"');
    expect(csvField("cr\r\nlf")).toBe('"cr\r\nlf"');
    expect(csvField(" padded ")).toBe('" padded "');
    expect(csvField(null)).toBe("");
    expect(csvField(undefined)).toBe("");
    expect(csvField(42)).toBe("42");
  });

  it("neutralises cells a spreadsheet would run as formulas", () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField("+1+1")).toBe("'+1+1");
    expect(csvField("-2")).toBe("'-2");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField("\tx")).toBe("'\tx");
    expect(csvField({ trusted: "+14155550123" })).toBe("+14155550123");
    expect(csvField(-5)).toBe("-5");
  });

  it("keeps an E.164 phone number as text in Excel and Google Sheets, and nothing else becomes a formula", () => {
    expect(csvField({ phone: "+14155550123" })).toBe('"=""+14155550123"""');
    expect(csvField({ phone: "+442079460958" })).toBe('"=""+442079460958"""');
    // Not a clean E.164 number: the plain, neutralised cell (never a formula around text we did not check).
    expect(csvField({ phone: '+1415") & HYPERLINK("http://x' })).toBe('"\'+1415"") & HYPERLINK(""http://x"');
    expect(csvField({ phone: "=1+1" })).toBe("'=1+1");
    expect(csvField({ phone: "anonymous" })).toBe("anonymous");
  });

  it("ends rows with CRLF", () => {
    expect(csvRow(["a", "b,c", null])).toBe('a,"b,c",\r\n');
  });
});
