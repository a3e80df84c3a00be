// Calls.json create: outgoing calls are recorded, never dialled.
import type { Route } from "./server";
import { sendJson } from "./server";
import { rfc2822 } from "./dates";
import { sendTwilioError } from "./errors";
import { accountPath, newSid, type FakeCall, type FakeState } from "./state";

export function callRoutes(state: FakeState): Route[] {
  const callsPath = `${accountPath(state)}/Calls.json`;
  return [
    {
      method: "POST",
      pattern: new RegExp(`^${callsPath.replaceAll(".", "\\.")}$`),
      async handle({ response, readForm }) {
        const form = await readForm();
        const call: FakeCall = {
          sid: newSid("CA"),
          to: form.get("To") ?? "",
          from: form.get("From") ?? "",
          twiml: form.get("Twiml") ?? undefined,
          url: form.get("Url") ?? undefined,
          status: "queued",
          statusCallback: form.get("StatusCallback") ?? undefined,
          statusCallbackEvents: form.getAll("StatusCallbackEvent"),
          dateCreated: new Date(),
        };
        if (!call.to || !call.from || (!call.twiml && !call.url)) {
          return sendTwilioError(response, {
            status: 400,
            code: 21205,
            message: "To, From and Twiml or Url are required.",
          });
        }
        state.calls.push(call);
        return sendJson(response, 201, {
          sid: call.sid,
          account_sid: state.accountSid,
          to: call.to,
          from: call.from,
          status: call.status,
          direction: "outbound-api",
          api_version: "2010-04-01",
          date_created: rfc2822(call.dateCreated),
          uri: `${accountPath(state)}/Calls/${call.sid}.json`,
        });
      },
    },
  ];
}
