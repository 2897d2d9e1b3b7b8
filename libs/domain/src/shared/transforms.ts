/** class-transformer helper: trims strings, leaves anything else for the validators to reject. */
export const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** A query parameter `true` / `false` as a boolean; anything else stays as sent, for `@IsBoolean()` to refuse. */
export const booleanQuery = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;
