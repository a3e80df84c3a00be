// The voicemail the simulator and the demo data "record": a short spoken message shipped with the app
// (assets/sample-voicemail.mp3), so the player works with nothing configured and nothing leaving the machine.
import { readFile } from "node:fs/promises";
import path from "node:path";

/** What the shipped recording says, and how long it is. */
export const sampleVoicemail = {
  durationSec: 12,
  transcript:
    "Hi, this is Dana Whitfield on Maple Street. My kitchen sink is leaking under the cabinet and there's water on the floor. Could you call me back when you get a chance? Thanks.",
} as const;

let cached: Promise<Buffer> | undefined;

export function readSampleVoicemail(): Promise<Buffer> {
  cached ??= readFile(path.join(process.cwd(), "assets", "sample-voicemail.mp3")).catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}
