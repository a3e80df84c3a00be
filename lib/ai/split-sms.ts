// An AI SMS stays short: at most 320 characters per message, split at sentence (then word) boundaries.
export const maxSmsLength = 320;

export function splitSms(text: string, limit = maxSmsLength): string[] {
  const clean = text.replace(/\s+/g, " ").trim();
  if (!clean) return [];
  if (clean.length <= limit) return [clean];
  const sentences = clean.match(/[^.!?]+[.!?]+["')\]]*\s*|[^.!?]+$/g) ?? [clean];
  const parts: string[] = [];
  let current = "";
  const pushWords = (sentence: string) => {
    for (const word of sentence.split(" ")) {
      const piece = word.length > limit ? word.slice(0, limit) : word;
      if ((current ? `${current} ${piece}` : piece).length > limit) {
        parts.push(current);
        current = piece;
      } else current = current ? `${current} ${piece}` : piece;
    }
  };
  for (const raw of sentences) {
    const sentence = raw.trim();
    if (!sentence) continue;
    const joined = current ? `${current} ${sentence}` : sentence;
    if (joined.length <= limit) current = joined;
    else if (sentence.length <= limit) {
      if (current) parts.push(current);
      current = sentence;
    } else pushWords(sentence);
  }
  if (current) parts.push(current);
  return parts;
}
