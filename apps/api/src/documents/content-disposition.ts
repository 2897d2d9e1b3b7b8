/**
 * `attachment` with the client's file name in RFC 6266 form: `filename*` carries it exactly (UTF-8,
 * percent-encoded per RFC 8187), `filename` an ASCII stand-in for old clients. Quotes, backslashes and
 * control characters never reach the header.
 */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
