/**
 * Page settings in the URL hash (`#s=` then base64url JSON), so a link reproduces a view. Never the
 * data: only what the inputs hold.
 */
export function writeLinkState(state: unknown): void {
  const bytes = new TextEncoder().encode(JSON.stringify(state));
  const text = btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
  history.replaceState(null, "", `#s=${text}`);
}

/** The state a link carries: null when there is none, else the parsed value or why it failed. */
export function readLinkState(): null | {value: unknown} | {error: string} {
  const match = /^#s=([A-Za-z0-9_-]*)$/.exec(location.hash);
  if (!location.hash) return null;
  if (!match) return {error: "the link's settings are not in a form Tierwise writes"};
  try {
    const binary = atob(match[1]!.replace(/-/g, "+").replace(/_/g, "/"));
    return {value: JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))))};
  } catch {
    return {error: "the link's settings are damaged (not readable JSON)"};
  }
}
