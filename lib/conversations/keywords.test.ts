import { describe, expect, it } from "vitest";
import { detectKeyword, isInformalStopRequest } from "@/lib/conversations/keywords";

describe("SMS keywords", () => {
  it.each(["STOP", "stop", "  Stop  ", "STOPALL", "unsubscribe", "Cancel", "END", "quit", "REVOKE", "optout", "stop."])(
    "%j opts out",
    (body) => {
      expect(detectKeyword(body)?.kind).toBe("opt_out");
    },
  );
  it.each(["START", "yes", " Unstop "])("%j opts in", (body) => expect(detectKeyword(body)?.kind).toBe("opt_in"));
  it.each(["HELP", "info", "Help "])("%j asks for help", (body) => expect(detectKeyword(body)?.kind).toBe("help"));
  it.each(["stop by tomorrow", "please stop", "STOP IT", "yes please", "helpful", "the end is near", ""])(
    "%j is not a keyword",
    (body) => {
      expect(detectKeyword(body)).toBeNull();
    },
  );
  it("recognises a request to stop in plain words", () => {
    for (const body of [
      "please stop texting me",
      "Stop messaging me!",
      "don't text me again",
      "Do not contact me",
      "leave me alone",
    ]) {
      expect(isInformalStopRequest(body), body).toBe(true);
    }
    for (const body of ["my sink won't stop dripping", "can you stop by at noon?", "the water stopped"]) {
      expect(isInformalStopRequest(body), body).toBe(false);
    }
  });
});
