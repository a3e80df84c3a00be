import { describe, expect, it } from "vitest";
import { listViolations } from "./must-be-zero";

describe("the run's correctness counts", () => {
  it("names every count that is not zero, a broken (NaN) one included, and passes an all-zero run", () => {
    expect(listViolations([{ name: "missed-calls", mustBeZero: { "missing sms": 0, errors: 0 } }])).toEqual([]);
    expect(
      listViolations([
        { name: "missed-calls", mustBeZero: { "missing sms": 2, errors: 0 } },
        { name: "inbound", mustBeZero: { "doubled AI replies": 1, "missing AI replies": Number.NaN } },
      ]),
    ).toEqual([
      "  missed-calls: missing sms = 2",
      "  inbound: doubled AI replies = 1",
      "  inbound: missing AI replies = NaN",
    ]);
  });
});
