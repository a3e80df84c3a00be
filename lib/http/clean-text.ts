// Text from outside that PostgreSQL cannot store (NUL) or that means nothing to a person (other C0 controls, DEL,
// a UTF-16 surrogate without its partner). Tab, line feed and carriage return are text and stay.
const UNSAFE_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** True when `value` holds a control character (other than tab and line breaks) or a lone surrogate. */
export function hasUnsafeText(value: string): boolean {
  UNSAFE_CONTROL.lastIndex = 0;
  LONE_SURROGATE.lastIndex = 0;
  return UNSAFE_CONTROL.test(value) || LONE_SURROGATE.test(value);
}

/**
 * The same text without its control characters, a lone surrogate shown as U+FFFD (what a UTF-8 encoder writes for
 * it anyway). Nothing a person can read changes: the meaning stays, only bytes with none go.
 */
export function cleanText(value: string): string {
  return value.replace(UNSAFE_CONTROL, "").replace(LONE_SURROGATE, "\uFFFD");
}
