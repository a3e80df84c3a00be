// The Twilio REST fake of the test suite, plus a watcher that stamps when each message reached it.
import { startTwilioFake, type TwilioFake } from "../../test/fakes/twilio-fake";

export type { TwilioFake };

export function startBenchTwilioFake(options: { authToken: string; accountSid: string }): Promise<TwilioFake> {
  return startTwilioFake(options);
}

/** Arrival times (performance.now()) and bodies of the messages created at the fake, by recipient, from now on. */
export function watchMessages(fake: TwilioFake) {
  const arrivalsByRecipient = new Map<string, Array<{ at: number; body: string }>>();
  let isWatching = true;
  fake.onMessage((message) => {
    if (!isWatching) return;
    const arrivals = arrivalsByRecipient.get(message.to) ?? [];
    arrivals.push({ at: performance.now(), body: message.body });
    arrivalsByRecipient.set(message.to, arrivals);
  });
  return {
    arrivals: (to: string) => (arrivalsByRecipient.get(to) ?? []).map((arrival) => arrival.at),
    bodies: (to: string) => (arrivalsByRecipient.get(to) ?? []).map((arrival) => arrival.body),
    stop: () => {
      isWatching = false;
    },
  };
}
