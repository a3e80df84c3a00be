// RFC 4180 CSV fields, neutralised against CSV injection: a cell starting with = + - @ (or tab/CR) would run as a
// formula in a spreadsheet, so it gets a leading apostrophe (OWASP's recommendation). Values the app itself
// produced and validated (E.164 phone numbers, ids, dates) can be passed as `{ trusted }` to stay untouched.
const formulaStart = /^[=+\-@\t\r]/;

export type CsvValue = string | number | null | undefined | { trusted: string };

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  let text: string;
  if (typeof value === "object") text = value.trusted;
  else if (typeof value === "number") text = String(value);
  else text = formulaStart.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(values: CsvValue[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}
