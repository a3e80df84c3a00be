// One phone format for people: the national format of the business's country ("(312) 555-0155" for a US business),
// international for a number from another country ("+44 20 7946 0958"). Stored numbers stay E.164.
import { parsePhoneNumberFromString } from "libphonenumber-js";

/** The country calling code of a business: its Twilio number's, else its own phone's, else North America ("1"). */
export function homeCallingCode(...numbers: (string | null | undefined)[]): string {
  for (const number of numbers) {
    const parsed = number ? parsePhoneNumberFromString(number) : undefined;
    if (parsed) return parsed.countryCallingCode;
  }
  return "1";
}

export function formatPhoneNumber(e164: string, callingCode: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  return parsed.countryCallingCode === callingCode ? parsed.formatNational() : parsed.formatInternational();
}
