/**
 * DNS's own limits on a host name (RFC 1035 §2.3.4): at most 253 characters written out, at most 63 per label.
 * The WHATWG URL parser accepts longer ones ("a" × 2040 + ".cn"); no such host can exist, so lookups, reports and
 * the link checker refuse them rather than store or judge them. Works on the ASCII (punycode) form.
 */
export const MAX_HOST = 253;
export const MAX_LABEL = 63;

export function hostNameFits(host: string): boolean {
  const h = host.endsWith('.') ? host.slice(0, -1) : host;
  if (h.length === 0 || h.length > MAX_HOST) return false;
  let start = 0;
  for (;;) {
    const dot = h.indexOf('.', start);
    const end = dot === -1 ? h.length : dot;
    if (end - start > MAX_LABEL || end === start) return false;
    if (dot === -1) return true;
    start = dot + 1;
  }
}
