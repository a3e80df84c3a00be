// What JSON.parse lets through but the app must not take: a key given twice (JSON.parse silently keeps the last, so
// the request would mean something its sender may not have meant) and strings with control characters or lone
// surrogates (PostgreSQL refuses NUL; the rest is invisible). Such a body is refused with a 400 naming the field,
// never cleaned: in a password or an e-mail address, dropping a character changes the meaning.
import { visit } from "jsonc-parser";
import { AppError } from "@/lib/errors";
import { hasUnsafeText } from "@/lib/http/clean-text";

/** The dotted path of the first key that appears twice in one object, or null. */
function findDuplicateKey(text: string): string | null {
  const seen: Set<string>[] = [];
  let duplicate: string | null = null;
  visit(text, {
    onObjectBegin: () => void seen.push(new Set()),
    onObjectEnd: () => void seen.pop(),
    onObjectProperty: (property, _offset, _length, _line, _character, pathSupplier) => {
      const keys = seen.at(-1)!;
      if (keys.has(property) && duplicate === null) duplicate = [...pathSupplier(), property].join(".");
      keys.add(property);
    },
  });
  return duplicate;
}

/** The path of the first key or string value with unsafe characters, or null. */
function findUnsafeText(value: unknown, path: string[] = []): string | null {
  if (typeof value === "string") return hasUnsafeText(value) ? path.join(".") || "(body)" : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findUnsafeText(item, [...path, String(index)]);
      if (found !== null) return found;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (hasUnsafeText(key)) return [...path, key].join(".");
      const found = findUnsafeText(item, [...path, key]);
      if (found !== null) return found;
    }
  }
  return null;
}

const shown = (field: string) => (field.length > 100 ? `${field.slice(0, 100)}…` : field);

/** Throws a 400 for a parsed JSON body (`value`, from `text`) the app must not accept. */
export function checkJsonInput(text: string, value: unknown): void {
  const duplicate = findDuplicateKey(text);
  if (duplicate !== null) {
    throw new AppError("bad_request", `The field "${shown(duplicate)}" appears more than once.`, {
      field: shown(duplicate),
    });
  }
  const unsafe = findUnsafeText(value);
  if (unsafe !== null) {
    throw new AppError("bad_request", `The field "${shown(unsafe)}" contains control characters or broken Unicode.`, {
      field: shown(unsafe),
    });
  }
}
