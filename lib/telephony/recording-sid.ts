// Which Twilio recording a stored voicemail is: its sid and the account that owns it, read from the RecordingUrl
// Twilio sent (https://api.twilio.com/2010-04-01/Accounts/AC…/Recordings/RE…). Only these two ids are ever used to
// fetch it again: the stored URL itself is never requested, so a bad row cannot point the server elsewhere.
const RECORDING_PATH = /\/Accounts\/(AC[0-9a-fA-F]{32})\/Recordings\/(RE[0-9a-fA-F]{32})(?:\.\w+)?$/;
const RECORDING_SID = /^RE[0-9a-fA-F]{32}$/;

export type RecordingRef = { accountSid: string; recordingSid: string };

export function parseRecordingRef({
  recordingUrl,
  recordingSid,
}: {
  recordingUrl: string | null;
  recordingSid: string | null;
}): RecordingRef | null {
  if (!recordingUrl) return null;
  let pathname: string;
  try {
    pathname = new URL(recordingUrl).pathname;
  } catch {
    return null;
  }
  const match = RECORDING_PATH.exec(pathname);
  if (!match) return null;
  const [, accountSid, sidInUrl] = match;
  // The callback's RecordingSid and the URL must agree; a mismatch is not a recording we can name.
  if (recordingSid && (!RECORDING_SID.test(recordingSid) || recordingSid !== sidInUrl)) return null;
  return { accountSid: accountSid!, recordingSid: sidInUrl! };
}
