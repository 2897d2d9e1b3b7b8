import { randomInt } from 'node:crypto';

// No 0/O or 1/I, so a registration number read aloud or retyped is unambiguous.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random 5-character code for registration numbers, e.g. "K7Q2M". */
export function newShortCode(length = 5): string {
  let code = '';
  for (let i = 0; i < length; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}
