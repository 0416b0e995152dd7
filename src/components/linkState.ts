/**
 * Page settings in the URL hash (`#s=` then base64url JSON), so a link reproduces a view. Never the
 * data: only what the inputs hold.
 *
 * A link carries at most {@link maxLinkLength} characters of settings: beyond that, browsers, chat
 * tools and mail clients cut or refuse links, so the address keeps the last settings that fitted
 * and the page says so. A link whose settings cannot be restored is left as the user pasted it
 * until they change a setting, so the address they were given stays visible beside the reason.
 *
 * Each write records its outcome on `<html data-link="written | kept | too-long">`, which is
 * also what tests wait for.
 */

/** The most characters of encoded settings a link carries (8 KiB). */
export const maxLinkLength = 8192;

// base64 of at most this many bytes at a time: spreading a whole array into
// String.fromCharCode overflows the call stack past about 124 KB.
const chunk = 0x2000;

/** The settings as the hash carries them: base64url of their UTF-8 JSON, without padding. */
export function encodeLinkState(state: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(state));
  let binary = "";
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The settings a hash carries: null when there is none, else the parsed value or why it failed. */
export function decodeLinkState(hash: string): null | {value: unknown} | {error: string} {
  if (!hash || hash === "#") return null;
  const match = /^#s=([A-Za-z0-9_-]*)$/.exec(hash);
  if (!match) return {error: "the link's settings are not in a form Tierwise writes"};
  try {
    const binary = atob(match[1]!.replace(/-/g, "+").replace(/_/g, "/"));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; ++i) bytes[i] = binary.charCodeAt(i);
    return {value: JSON.parse(new TextDecoder("utf-8", {fatal: true}).decode(bytes))};
  } catch {
    return {error: "the link's settings are damaged (not readable JSON)"};
  }
}

/** What a write did: wrote the link, kept the address as it was, or left settings too large out. */
export interface LinkWrite {
  status: "written" | "kept" | "too-long";
  /** Characters of encoded settings. */
  length: number;
}

// The encoded settings first written while the pasted address is kept; the address changes only
// once the settings differ from these (the user changed something).
let kept: string | null = null;
let released = false;

/**
 * Writes the settings into the link. With `keep` (the pasted link could not be restored), the
 * address stays as pasted until the settings change. Settings longer than `max` characters are
 * left out: the address keeps the last settings that fitted, and the result says so.
 */
export function writeLinkState(
  state: unknown,
  {keep = false, max = maxLinkLength}: {keep?: boolean; max?: number} = {}
): LinkWrite {
  const text = encodeLinkState(state);
  let status: LinkWrite["status"];
  if (keep && !released && (kept === null || kept === text)) {
    kept = text;
    status = "kept";
  } else if (text.length > max) {
    released = true;
    status = "too-long";
  } else {
    released = true;
    history.replaceState(null, "", `#s=${text}`);
    status = "written";
  }
  document.documentElement.dataset.link = status;
  return {status, length: text.length};
}

/** The state the page's link carries: null when there is none, else the parsed value or why it failed. */
export function readLinkState(): null | {value: unknown} | {error: string} {
  return decodeLinkState(location.hash);
}

/** A note for a write that left the settings out of the link, or null. Text only. */
export function LinkNote(
  {status, length}: LinkWrite,
  {what = "These settings"}: {what?: string} = {}
): HTMLElement | null {
  if (status !== "too-long") return null;
  const p = document.createElement("p");
  p.className = "tw-error tw-link-note";
  p.setAttribute("role", "status");
  p.textContent = `${what} are too large for a link (${Math.ceil(length / 1024)} KB of the ${maxLinkLength / 1024} KB a link may carry), so the address keeps the last settings that fitted. Share them as a scenario file instead.`;
  return p;
}
