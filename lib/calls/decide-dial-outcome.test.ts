import { describe, expect, it } from "vitest";
import { decideDialOutcome } from "@/lib/calls/decide-dial-outcome";

const base = { minAnsweredSeconds: 8, isWhisperEnabled: false, wasScreened: false };

describe("decideDialOutcome", () => {
  it.each(["no-answer", "busy", "failed", "canceled"])("%s is missed", (dialStatus) => {
    expect(decideDialOutcome({ ...base, dialStatus, dialDurationSec: 0 })).toEqual({
      isMissed: true,
      missReason: dialStatus,
    });
  });

  it.each(["", "ringing", "in-progress", "something-new"])(
    "any other status (%j) is missed as failed",
    (dialStatus) => {
      expect(decideDialOutcome({ ...base, dialStatus, dialDurationSec: 0 })).toEqual({
        isMissed: true,
        missReason: "failed",
      });
    },
  );

  it("a long completed dial is answered", () => {
    expect(decideDialOutcome({ ...base, dialStatus: "completed", dialDurationSec: 95 })).toEqual({ isMissed: false });
  });

  it("a short completed dial (carrier voicemail) is missed", () => {
    expect(decideDialOutcome({ ...base, dialStatus: "completed", dialDurationSec: 3 })).toEqual({
      isMissed: true,
      missReason: "short_answer",
    });
  });

  it("with the whisper screen, completed without the key press is missed", () => {
    const whisper = { ...base, isWhisperEnabled: true, dialStatus: "completed", dialDurationSec: 40 };
    expect(decideDialOutcome({ ...whisper, wasScreened: false })).toEqual({
      isMissed: true,
      missReason: "not_screened",
    });
    expect(decideDialOutcome({ ...whisper, wasScreened: true })).toEqual({ isMissed: false });
  });
});
