/** Bytes → text, or the reason they are not text we can read. Pure: the caller reads the file. */

export type Decoded = { ok: true; text: string } | { ok: false; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeText(bytes: Uint8Array): Decoded {
  // A NUL byte never occurs in text files but is everywhere in binaries (images, PDFs, archives).
  const probe = bytes.subarray(0, 8192);
  if (probe.includes(0)) return { ok: false, reason: 'it looks binary (it contains NUL bytes), not a text article' };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, reason: 'it is not valid UTF-8 text (re-save it as UTF-8)' };
  }
  return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}
