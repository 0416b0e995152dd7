/** Options of {@link fileSizeLimit}. */
export interface FileSizeLimitOptions {
  /** The device's memory in GB, as `navigator.deviceMemory` reports it (0.25 to 8; absent in Firefox and Safari). */
  deviceMemory?: number | undefined;
}

const MB = 1024 * 1024;
// Reading a CSV holds its bytes, the decoded text (two bytes a character) and every cell as a
// string (an object header each), then the accounts: several times the file in the tab's
// memory. A tab gets a few GB at most, so 256 MB is the cap, and a device that reports less
// memory gets 1/32 of it.
const cap = 256 * MB;

/**
 * The largest file, in bytes, that the browser is asked to read: 1/32 of the memory the device
 * reports, at most 256 MB (also when it reports none).
 *
 * @example
 * fileSizeLimit({deviceMemory: 4}); // 134217728 (128 MB)
 */
export function fileSizeLimit({deviceMemory}: FileSizeLimitOptions = {}): number {
  if (deviceMemory === undefined || !(deviceMemory > 0)) return cap;
  return Math.min(cap, Math.floor((deviceMemory * 1024 * MB) / 32));
}

/**
 * A message when a file is too large to read in this browser, before any byte is read; null when it
 * fits. Sizes are in binary megabytes, as file managers show them.
 *
 * @example
 * checkFileSize("crm.csv", 300 * 1024 ** 2); // "crm.csv is 300 MB; this browser reads files up to 256 MB. …"
 */
export function checkFileSize(name: string, size: number, options: FileSizeLimitOptions = {}): string | null {
  const limit = fileSizeLimit(options);
  if (size <= limit) return null;
  const mb = (n: number) => `${(n / MB).toLocaleString("en-US", {maximumFractionDigits: n < 10 * MB ? 1 : 0})} MB`;
  const basis =
    options.deviceMemory !== undefined && limit < cap
      ? ` (1/32 of the ${options.deviceMemory} GB this device reports)`
      : "";
  return `${name} is ${mb(size)}; this browser reads files up to ${mb(limit)}${basis}. Export fewer rows or columns, or split the file`;
}
