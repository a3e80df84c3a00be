// Messages.json create (POST), as the app's sender uses it. The list (GET) is messages-list.ts.
import type { Route } from "./server";
import { sendJson } from "./server";
import { sendTwilioError } from "./errors";
import { rfc2822 } from "./dates";
import { refuseMessage } from "./message-rules";
import { accountPath, newSid, type FakeMessage, type FakeState } from "./state";
import { runMessageLifecycle, type CallbackDispatcher } from "./status-callbacks";

/** A message as Twilio writes it; `num_media` counts its Media (a received MMS's pictures), as Twilio does. */
export function messageToJson(state: Pick<FakeState, "media">, message: FakeMessage) {
  const path = `/2010-04-01/Accounts/${message.accountSid}/Messages/${message.sid}`;
  return {
    sid: message.sid,
    account_sid: message.accountSid,
    to: message.to,
    from: message.from,
    body: message.body,
    status: message.status,
    num_segments: "1",
    num_media: String(state.media.filter((item) => item.messageSid === message.sid).length),
    direction: message.direction ?? "outbound-api",
    api_version: "2010-04-01",
    date_created: rfc2822(message.dateCreated),
    date_updated: rfc2822(message.dateCreated),
    date_sent: rfc2822(message.dateSent === undefined ? message.dateCreated : message.dateSent),
    error_code: message.errorCode ?? null,
    error_message: message.errorMessage ?? null,
    price: null,
    uri: `${path}.json`,
    subresource_uris: { media: `${path}/Media.json`, feedback: `${path}/Feedback.json` },
  };
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function messageRoutes(state: FakeState, dispatchCallback: CallbackDispatcher): Route[] {
  const messagesPath = `${accountPath(state)}/Messages.json`;
  const pattern = new RegExp(`^${messagesPath.replaceAll(".", "\\.")}$`);
  return [
    {
      method: "POST",
      pattern,
      async handle({ response, readForm }) {
        state.createRequests += 1;
        const form = await readForm();
        const to = form.get("To") ?? "";
        state.createRequestsTo.set(to, (state.createRequestsTo.get(to) ?? 0) + 1);
        if (state.createDelayMs) await wait(state.createDelayMs);
        const failureIndex = state.failures.findIndex((candidate) => !candidate.to || candidate.to === to);
        const failure = failureIndex === -1 ? undefined : state.failures.splice(failureIndex, 1)[0];
        if (failure) {
          const headers: Record<string, string> = failure.retryAfter ? { "retry-after": failure.retryAfter } : {};
          return sendTwilioError(
            response,
            { status: failure.status, code: failure.code, message: failure.message ?? "fake failure" },
            headers,
          );
        }
        const refusal = refuseMessage(state, form);
        if (refusal) return sendTwilioError(response, refusal);
        const message: FakeMessage = {
          sid: newSid("SM"),
          accountSid: state.accountSid,
          to: form.get("To")!,
          from: form.get("From")!,
          body: form.get("Body") ?? "",
          status: "queued",
          statusCallback: form.get("StatusCallback") ?? undefined,
          dateCreated: new Date(),
          dateSent: null,
          errorCode: null,
          errorMessage: null,
        };
        state.messages.push(message);
        for (const listener of state.messageListeners) listener(message);
        const answer = messageToJson(state, message);
        if (state.deliveryOutcomes.get(message.to)?.callbacksBeforeAnswer) {
          // The answer is held until the app has heard every status callback: it learns the sid from them first.
          await runMessageLifecycle(state, dispatchCallback, message);
        } else {
          // Twilio moves the message on (and calls its StatusCallback) only after it answered the create, even when
          // the sender hung up before reading that answer.
          response.once("close", () => void runMessageLifecycle(state, dispatchCallback, message));
        }
        if (state.holdResponsesMs) await wait(state.holdResponsesMs);
        if (response.destroyed) return;
        return sendJson(response, 201, answer);
      },
    },
  ];
}
