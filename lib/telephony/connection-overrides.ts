// Twilio's webhook connection overrides: a URL fragment that tells Twilio how to call us. By default Twilio does
// not retry an error answer (a 5xx while the database restarts loses the call); with these it retries a 5xx
// answer and a connection it could not make, up to 3 times, all within the 15 s Twilio gives one webhook.
//   ct=3000   connect timeout per attempt (ms): a host that does not answer leaves time for the retries
//   rt=12000  read timeout per attempt (ms): a slow answer is not cut short, and is not retried (rt is not in rp:
//             the first attempt is still running and would only get company)
//   tt=15000  total time for all attempts (ms), Twilio's maximum
//   rc=3      retries after the first attempt
//   rp=ct,5xx which failures are retried; a 4xx (bad signature, bad input) is a deliberate refusal and never is
// HTTP clients never send a fragment, so our routes never see it; see verify-signature.ts for the signature.
export const CONNECTION_OVERRIDES = "ct=3000&rt=12000&tt=15000&rc=3&rp=ct,5xx";

/** `url` as we hand it to Twilio: with the connection overrides as its fragment. */
export function withConnectionOverrides(url: string): string {
  return `${url.split("#")[0]}#${CONNECTION_OVERRIDES}`;
}
