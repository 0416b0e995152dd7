import {execFileSync} from "node:child_process";
import {existsSync, readFileSync} from "node:fs";

const candidates = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/snap/bin/chromium",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium"
];

/**
 * The Chromium the browser tests drive: `CHROME_PATH` if set, else the usual install paths. On
 * Debian as root it installs Debian's `chromium` package when none is found; elsewhere it throws
 * with what to install.
 */
export function findChromium(): string {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROME_PATH=${fromEnv} does not exist`);
    return fromEnv;
  }
  const found = candidates.find((path) => existsSync(path));
  if (found) return found;
  const debian = existsSync("/etc/debian_version");
  const root = process.getuid?.() === 0;
  if (debian && root) {
    console.warn("browser tests: installing Debian's chromium package (apt-get install chromium)");
    const env = {...process.env, DEBIAN_FRONTEND: "noninteractive"};
    execFileSync("apt-get", ["update", "-qq"], {stdio: "inherit", env});
    execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "chromium"], {stdio: "inherit", env});
    if (existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  }
  const os = debian ? `Debian ${readFileSync("/etc/debian_version", "utf-8").trim()}` : process.platform;
  throw new Error(
    `browser tests need Chromium and found none on ${os}${debian && !root ? " (not root, so not installing it)" : ""}. ` +
      "Install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROME_PATH to a Chromium or Chrome binary."
  );
}

/** Flags that keep Chromium from any background traffic, and name resolution to loopback only. */
export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-default-apps",
  "--disable-extensions",
  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"
];
