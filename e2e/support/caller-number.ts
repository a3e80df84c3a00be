// Unique fictional caller numbers for one e2e run. Area codes the demo data never uses (it uses 617/212/415/312),
// so a test's caller is never a "repeat caller" of a seeded lead or of another test.
const areaCodes = ["206", "303", "503", "702", "720", "971", "704", "512"];
let next = Math.floor(Math.random() * 5000);

export function uniqueCallerNumber(): string {
  next += 1;
  const area = areaCodes[process.pid % areaCodes.length];
  return `+1${area}555${String(next % 10_000).padStart(4, "0")}`;
}

/** How the inbox shows a US number: +12065550123 → (206) 555-0123. */
export function displayPhone(e164: string): string {
  const match = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  return match ? `(${match[1]}) ${match[2]}-${match[3]}` : e164;
}
