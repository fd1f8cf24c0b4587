/**
 * Which stored URLs may become links: http(s) only. A `javascript:` or `data:` URL in a link runs
 * script or shows forged pages when clicked, and `file:` ones point into the reader's own machine.
 * The loader refuses other schemes; the explorer checks again, for data written by other means.
 */
export function httpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
