// The byte-level cases of the field-by-field fuzz: what each one does to a valid value, as raw form text (for
// Twilio's form posts, %-escapes included) and as a JSON string (for the app API).
import { cleanText } from "@/lib/http/clean-text";

export type FieldCase = {
  name: string;
  /** the raw form-encoded value (may hold broken %-escapes) */
  raw: (base: string) => string;
  /** the JSON string value (may hold lone surrogates); null when the case has no JSON form */
  json: ((base: string) => string) | null;
};

const split = (base: string): [string, string] => {
  const middle = Math.ceil(base.length / 2);
  return [base.slice(0, middle), base.slice(middle)];
};
const around = (base: string, inner: string) => {
  const [head, tail] = split(base);
  return `${head}${inner}${tail}`;
};
const enc = encodeURIComponent;

export const fieldCases: FieldCase[] = [
  { name: "NUL", raw: (base) => around(enc(base), "%00"), json: (base) => around(base, "\u0000") },
  {
    name: "other C0 controls and DEL",
    raw: (base) => around(enc(base), "%01%07%08%0B%0C%1B%1F%7F"),
    json: (base) => around(base, "\u0001\u0007\b\u000b\f\u001b\u001f\u007f"),
  },
  {
    name: "lone surrogates",
    // A surrogate written as UTF-8 bytes (CESU-8) is not UTF-8: the decoder turns it into U+FFFD.
    raw: (base) => around(enc(base), "%ED%A0%80"),
    json: (base) => around(base, "\ud800") + "\udc00",
  },
  { name: "invalid %-encoding", raw: (base) => around(enc(base), "%ZZ%C3%28%G"), json: null },
  { name: "over-long", raw: (base) => enc(base) + "9".repeat(20_000), json: (base) => base + "9".repeat(20_000) },
];

/** What a field that accepts the value must store (the app's own trimming and normalising aside). */
export function cleanedFormValue(raw: string): string {
  return cleanText(new URLSearchParams(`v=${raw}`).get("v") ?? "");
}
