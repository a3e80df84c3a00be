// A placed call's status (Twilio's CallStatus) in the words the thread shows: what Call back is doing, and how each
// call back went.
const progressText: Record<string, string> = {
  queued: "Calling your phone…",
  initiated: "Calling your phone…",
  simulated: "Calling your phone…",
  ringing: "Ringing…",
  "in-progress": "Connected",
  completed: "Call ended",
  busy: "Didn't connect: the line was busy",
  "no-answer": "Didn't connect: no answer",
  failed: "Didn't connect: the call failed",
  canceled: "Didn't connect: the call was canceled",
};

export function callProgressText(status: string): string {
  return progressText[status] ?? status;
}

export function isCallUnderway(status: string): boolean {
  return ["queued", "initiated", "simulated", "ringing", "in-progress"].includes(status);
}
