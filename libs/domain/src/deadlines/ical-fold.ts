/** RFC 5545 §3.1: content lines are at most 75 octets, excluding the CRLF. */
export const ICAL_LINE_OCTETS = 75;

/** Joins folded lines back: a CRLF followed by one space or tab is removed (RFC 5545 §3.1). */
export function unfoldIcal(text: string): string {
  return text.replace(/\r\n[ \t]/g, '');
}

/**
 * Folds every content line at 75 octets of UTF-8 (continuations start with a space, which counts),
 * never inside a UTF-8 sequence: Cyrillic takes two octets a letter, and some clients cut a line
 * whose sequence is split. Already folded input is unfolded first, so this may run on any feed.
 */
export function foldIcal(text: string): string {
  const lines = unfoldIcal(text).split('\r\n');
  return lines.map(foldLine).join('\r\n');
}

function foldLine(line: string): string {
  if (Buffer.byteLength(line) <= ICAL_LINE_OCTETS) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = ICAL_LINE_OCTETS;
  for (const ch of line) {
    // A code point at a time: a surrogate pair is one 4-octet character.
    const size = Buffer.byteLength(ch);
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = ICAL_LINE_OCTETS - 1; // the leading space of a continuation line
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}
