import {toCsv} from "tierwise";

/** Saves text as a file through the browser; nothing leaves it. */
export function downloadText(text: string | Blob, name: string, type = "text/csv"): void {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(text instanceof Blob ? text : new Blob([text], {type}));
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

/** Options of {@link downloadCsv}. */
export interface DownloadCsvOptions<T> {
  /** The columns, in order; default the first row's. */
  columns?: (keyof T & string)[];
  /**
   * Significant digits of numbers (never fewer than their whole part needs), so a reader sees 0.3
   * and not 0.30000000000000004; default 6. `null` keeps every digit, for a file others check
   * against the model to the last bit.
   */
  significant?: number | null;
}

/** Saves rows as CSV (formula-like text cells neutralised, numbers rounded to 6 significant digits). */
export function downloadCsv<T extends object>(
  rows: readonly T[],
  name: string,
  {columns, significant = 6}: DownloadCsvOptions<T> = {}
): void {
  const keys = columns ?? (Object.keys(rows[0] ?? {}) as (keyof T & string)[]);
  downloadText(toCsv(rows, keys, significant === null ? {} : {significant}), name);
}

/** A button for a download, as Inputs.button would draw it but without a value. */
function button(label: string, onClick: () => void): HTMLButtonElement {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = label;
  b.className = "tw-download";
  b.addEventListener("click", onClick);
  return b;
}

/** The chart's SVG as standalone text: colours that come from the page's CSS are inlined. */
function standaloneSvg(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const style = getComputedStyle(svg);
  copy.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  copy.style.color = style.color;
  copy.style.background = getComputedStyle(document.body).backgroundColor;
  copy.style.fontFamily = style.fontFamily;
  return new XMLSerializer().serializeToString(copy);
}

/**
 * A chart with buttons that save it as SVG or PNG (at twice its size). For a Plot figure with a
 * legend, the chart's own SVG is saved.
 */
export function Downloadable(chart: Element, {name}: {name: string}): HTMLElement {
  const div = document.createElement("div");
  const svg = (
    chart instanceof SVGSVGElement ? chart : chart.querySelector("svg:not(.plot-swatch svg)")
  ) as SVGSVGElement | null;
  div.append(chart);
  if (!svg) return div;
  const bar = document.createElement("div");
  bar.className = "tw-downloads";
  bar.append(
    button("SVG", () => downloadText(standaloneSvg(svg), `${name}.svg`, "image/svg+xml")),
    button("PNG", () => {
      const {width, height} = svg.getBoundingClientRect();
      const image = new Image();
      image.onload = () => {
        const canvas = document.createElement("canvas");
        canvas.width = 2 * width;
        canvas.height = 2 * height;
        const context = canvas.getContext("2d")!;
        context.scale(2, 2);
        context.drawImage(image, 0, 0, width, height);
        canvas.toBlob((blob) => blob && downloadText(blob, `${name}.png`));
      };
      image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(standaloneSvg(svg))}`;
    })
  );
  div.append(bar);
  return div;
}
