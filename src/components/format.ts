/** Millions of US dollars with one decimal, the sign before the currency: "$1.5M", "−$28.3M". */
export function money(x: number | null | undefined): string {
  if (x == null || !Number.isFinite(x)) return "";
  const m = Math.abs(x) / 1e6;
  const text = m.toLocaleString("en-US", {minimumFractionDigits: 1, maximumFractionDigits: 1});
  return text === "0.0" ? "$0.0M" : `${x < 0 ? "−" : ""}$${text}M`;
}

/** A share as a whole percentage: "83%". */
export function percent(x: number | null | undefined): string {
  return x == null || !Number.isFinite(x) ? "" : `${Math.round(x * 100)}%`;
}
