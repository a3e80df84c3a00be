// The carrier codes that set up conditional call forwarding to the business's Twilio number ("Calls arrive already
// missed"): dialled from the professional's own phone, like a call. GSM codes (most of the world; AT&T and T-Mobile
// in the US) take the number in international format; US carriers of CDMA heritage (Verizon, US Cellular) take its
// ten digits.
import { parsePhoneNumberFromString } from "libphonenumber-js";

export type ForwardingCode = { when: string; code: string };

export type ForwardingCodes = {
  gsm: { set: ForwardingCode[]; cancel: ForwardingCode[] };
  /** only for North American numbers */
  cdma: { set: ForwardingCode[]; cancel: ForwardingCode[] } | null;
};

export function forwardingCodes(twilioNumber: string): ForwardingCodes | null {
  const parsed = parsePhoneNumberFromString(twilioNumber);
  if (!parsed?.isValid()) return null;
  const international = parsed.number;
  const gsm = {
    set: [
      { when: "When you don't answer", code: `**61*${international}#` },
      { when: "When you're busy", code: `**67*${international}#` },
      { when: "When your phone is off or has no signal", code: `**62*${international}#` },
    ],
    cancel: [{ when: "Cancel all conditional forwarding", code: "##004#" }],
  };
  if (parsed.countryCallingCode !== "1") return { gsm, cdma: null };
  const digits = parsed.nationalNumber;
  return {
    gsm,
    cdma: {
      set: [{ when: "When you don't answer or you're busy", code: `*71${digits}` }],
      cancel: [{ when: "Cancel it", code: "*73" }],
    },
  };
}
