// Recordings, as Twilio's REST API serves them:
//   GET /2010-04-01/Accounts/{AccountSid}/Recordings/{Sid}.json  → the metadata
//   GET …/Recordings/{Sid}.mp3                                    → the media, audio/mpeg
//   GET …/Recordings/{Sid} or {Sid}.wav                           → the media, audio/x-wav
// Media answers honour one `Range: bytes=…` (206 with Content-Range, 416 when unsatisfiable) and carry
// Accept-Ranges. Authentication is the fake's basic-auth guard, as with "Enforce HTTP Auth on Media URLs" on.
import type { IncomingMessage, ServerResponse } from "node:http";
import parseRange from "range-parser";
import { sendTwilioError } from "./errors";
import type { Route } from "./server";
import { sendJson } from "./server";
import { accountPath, type FakeState } from "./state";

export type FakeRecording = {
  sid: string;
  callSid: string;
  durationSec: number;
  mp3: Buffer;
  /** Twilio keeps recordings as 8 kHz mono WAV; without one the fake serves that much silence. */
  wav?: Buffer;
  dateCreated: Date;
};

/** What tests control: the stored recordings, the media requests seen, and a Range-ignoring mode. */
export type FakeRecordings = {
  list: FakeRecording[];
  /** media requests received (path and Range header), to check what the app asked for */
  mediaRequests: { path: string; range: string | null }[];
  add(recording: Omit<FakeRecording, "dateCreated"> & { dateCreated?: Date }): FakeRecording;
  /** answer media requests with the whole file, ignoring Range (as a proxy in front of Twilio might) */
  ignoreRanges(isIgnored: boolean): void;
};

/** A silent 16-bit mono PCM WAV of `seconds` at 8 kHz. */
export function silentWav(seconds: number): Buffer {
  const dataBytes = Math.max(1, Math.round(seconds * 8000)) * 2;
  const header = Buffer.alloc(44);
  header.write("RIFF", 0);
  header.writeUInt32LE(36 + dataBytes, 4);
  header.write("WAVEfmt ", 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(8000, 24);
  header.writeUInt32LE(16000, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write("data", 36);
  header.writeUInt32LE(dataBytes, 40);
  return Buffer.concat([header, Buffer.alloc(dataBytes)]);
}

function metadata(state: FakeState, recording: FakeRecording) {
  const base = `${accountPath(state)}/Recordings/${recording.sid}`;
  return {
    account_sid: state.accountSid,
    api_version: "2010-04-01",
    call_sid: recording.callSid,
    conference_sid: null,
    date_created: recording.dateCreated.toUTCString(),
    date_updated: recording.dateCreated.toUTCString(),
    start_time: recording.dateCreated.toUTCString(),
    duration: String(recording.durationSec),
    sid: recording.sid,
    price: null,
    price_unit: "USD",
    status: "completed",
    channels: 1,
    source: "RecordVerb",
    error_code: null,
    uri: `${base}.json`,
    encryption_details: null,
    subresource_uris: {
      add_on_results: `${base}/AddOnResults.json`,
      transcriptions: `${base}/Transcriptions.json`,
    },
    media_url: `https://api.twilio.com${base}`,
  };
}

function sendMedia(
  request: IncomingMessage,
  response: ServerResponse,
  { body, contentType, isRangeIgnored }: { body: Buffer; contentType: string; isRangeIgnored: boolean },
): void {
  const common = { "content-type": contentType, "accept-ranges": "bytes" };
  const header = request.headers.range;
  const ranges = header && !isRangeIgnored ? parseRange(body.length, header, { combine: true }) : -2;
  if (ranges === -1) {
    response.writeHead(416, { ...common, "content-range": `bytes */${body.length}` });
    response.end();
    return;
  }
  if (ranges !== -2 && ranges.type === "bytes" && ranges.length === 1) {
    const { start, end } = ranges[0]!;
    response.writeHead(206, {
      ...common,
      "content-range": `bytes ${start}-${end}/${body.length}`,
      "content-length": String(end - start + 1),
    });
    response.end(body.subarray(start, end + 1));
    return;
  }
  response.writeHead(200, { ...common, "content-length": String(body.length) });
  response.end(body);
}

export function recordingsResource(state: FakeState): { routes: Route[]; controls: FakeRecordings } {
  const controls: FakeRecordings & { isRangeIgnored: boolean } = {
    list: [],
    mediaRequests: [],
    isRangeIgnored: false,
    add(input) {
      const recording = { ...input, dateCreated: input.dateCreated ?? new Date() };
      controls.list.push(recording);
      return recording;
    },
    ignoreRanges(isIgnored) {
      controls.isRangeIgnored = isIgnored;
    },
  };
  const pattern = new RegExp(`^${accountPath(state)}/Recordings/(RE[0-9a-fA-F]{32})(\\.json|\\.mp3|\\.wav)?$`);
  const routes: Route[] = [
    {
      method: "GET",
      pattern,
      handle({ request, response, url, params }) {
        const [sid, extension] = params;
        const recording = controls.list.find((candidate) => candidate.sid === sid);
        if (!recording) {
          return sendTwilioError(response, {
            status: 404,
            code: 20404,
            message: `The requested resource ${url.pathname} was not found`,
          });
        }
        if (extension === ".json") return sendJson(response, 200, metadata(state, recording));
        controls.mediaRequests.push({ path: url.pathname, range: request.headers.range ?? null });
        const isMp3 = extension === ".mp3";
        sendMedia(request, response, {
          body: isMp3 ? recording.mp3 : (recording.wav ?? silentWav(recording.durationSec)),
          contentType: isMp3 ? "audio/mpeg" : "audio/x-wav",
          isRangeIgnored: controls.isRangeIgnored,
        });
      },
    },
  ];
  return { routes, controls };
}
