// Twilio's webhook connection overrides: a URL fragment that tells Twilio how to call us. By default Twilio does
// not retry an error answer (a 5xx while the database restarts loses the call); with these it retries connect
// failures, read timeouts and 5xx answers, all within the 15 s Twilio gives one webhook. A 4xx (bad signature,
// bad input) is a deliberate refusal and is never retried.
//   ct: connect timeout (ms)   rt: read timeout per attempt (ms)   tt: total time for all attempts (ms)
//   rc: retries after the first attempt   rp: which failures retry (ct = connect, rt = read timeout, 5xx)
// HTTP clients never send a fragment, so our routes never see it; see verify-signature.ts for the signature.
export const CONNECTION_OVERRIDES = "ct=2000&rt=5000&tt=15000&rc=2&rp=ct,rt,5xx";

/** `url` as we hand it to Twilio: with the connection overrides as its fragment. */
export function withConnectionOverrides(url: string): string {
  return `${url.split("#")[0]}#${CONNECTION_OVERRIDES}`;
}
