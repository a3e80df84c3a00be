import { describe, expect, it } from "vitest";
import { formatJobValue, jobValueInput, parseJobValue } from "@/components/leads/job-value";

describe("job values", () => {
  it("reads what people type, to the cent", () => {
    expect(parseJobValue("1250.50")).toBe(125_050);
    expect(parseJobValue("$1,250.50")).toBe(125_050);
    expect(parseJobValue(" 1,250 ")).toBe(125_000);
    expect(parseJobValue("450")).toBe(45_000);
    expect(parseJobValue("0.5")).toBe(50);
    expect(parseJobValue("$ 99.99")).toBe(9_999);
    expect(parseJobValue("")).toBeNull();
  });

  it("refuses what is not an amount instead of guessing", () => {
    for (const input of ["1e3", "1E3", "12.345", "1,25", "-5", "abc", "1.2.3", "0x10", "Infinity", "1,2345", "$"]) {
      expect(parseJobValue(input), input).toBeUndefined();
    }
    expect(parseJobValue("99999999999")).toBeUndefined();
  });

  it("shows the exact value: cents when there are any", () => {
    expect(formatJobValue(125_050)).toBe("$1,250.50");
    expect(formatJobValue(45_000)).toBe("$450");
    expect(formatJobValue(5)).toBe("$0.05");
    expect(jobValueInput(125_050)).toBe("1250.50");
    expect(jobValueInput(45_000)).toBe("450");
    expect(jobValueInput(null)).toBe("");
  });
});
