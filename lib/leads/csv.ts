// RFC 4180 CSV fields, neutralised against CSV injection: a cell starting with = + - @ (or tab/CR) would run as a
// formula in a spreadsheet, so it gets a leading apostrophe (OWASP's recommendation). Values the app itself
// produced and validated (ids, dates) can be passed as `{ trusted }` to stay untouched.
//
// Phone numbers are the one exception that needs more: Excel and Google Sheets read "+14155550123" as the number
// 14155550123 (shown as 1.42E+10) and an apostrophe shows up literally. `{ phone }` writes the cell as the text
// formula ="+14155550123", which both show as the text +14155550123. It is built only from a number that is exactly
// E.164 (a plus and digits), so no text a customer typed ever reaches a formula; anything else falls back to the
// neutralised plain cell.
const formulaStart = /^[=+\-@\t\r]/;
const strictE164 = /^\+[1-9]\d{6,14}$/;

/** The UTF-8 byte-order mark: without it Excel reads the file as the system's legacy code page ("JosÃ©"). */
export const UTF8_BOM = "\uFEFF";

export type CsvValue = string | number | null | undefined | { trusted: string } | { phone: string };

/** What a spreadsheet should see in the cell, before RFC 4180 quoting. */
function cellText(value: Exclude<CsvValue, null | undefined>): string {
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return formulaStart.test(value) ? `'${value}` : value;
  if ("trusted" in value) return value.trusted;
  return strictE164.test(value.phone) ? `="${value.phone}"` : cellText(value.phone);
}

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  const text = cellText(value);
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(values: CsvValue[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}
