/**
 * The one canonical form of an email address, used for storage, lookup, uniqueness, throttling,
 * password reset and invitations: trimmed, lower-cased by Unicode's default rules and NFC-normalised.
 * Nothing compares emails any other way (PostgreSQL's lower() folds some letters differently, e.g. İ).
 * The migration 1765200000000-accounts repeats this expression for the rows it converts.
 */
export const canonicalEmail = (email: string): string => email.trim().toLowerCase().normalize('NFC');
