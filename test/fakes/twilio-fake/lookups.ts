// Lookup v2 (lookups.twilio.com/v2/PhoneNumbers/{number}?Fields=line_type_intelligence): the line type per number.
import type { Route } from "./server";
import { sendJson } from "./server";
import type { FakeState } from "./state";

export function lookupRoutes(state: FakeState): Route[] {
  return [
    {
      method: "GET",
      pattern: /^\/v2\/PhoneNumbers\/([^/]+)$/,
      handle({ response, params }) {
        const phone = params[0]!;
        if (state.invalidNumbers.has(phone)) {
          // Lookup v2 answers an invalid number with 200, valid: false and no line type
          return sendJson(response, 200, {
            phone_number: phone,
            valid: false,
            validation_errors: ["INVALID_BUT_POSSIBLE"],
            line_type_intelligence: null,
            url: `/v2/PhoneNumbers/${phone}`,
          });
        }
        return sendJson(response, 200, {
          phone_number: phone,
          valid: true,
          line_type_intelligence: {
            type: state.lineTypes.get(phone) ?? "mobile",
            carrier_name: "Fake Carrier",
            error_code: null,
          },
          url: `/v2/PhoneNumbers/${phone}`,
        });
      },
    },
  ];
}
