import type {Page} from "playwright-core";

/** One broken rule on a page: the chart or table it is about, and what is wrong. */
export interface Finding {
  figure: string;
  rule: "data marks" | "tick labels" | "contrast" | "table width";
  detail: string;
}

/**
 * Holds every chart and table in the page's main column to the rules a reader relies on:
 * - a chart draws at least one visible data mark (not only axes, grids and rules);
 * - no two tick labels of a chart overlap or touch;
 * - every text of a chart (ticks, axis labels, facet labels, legends) and every table cell has a
 *   contrast of at least 4.5:1 against the background it sits on;
 * - no table is wider than its card unless it scrolls horizontally inside it.
 * Runs in the page; returns what it found, for the test to print.
 */
export async function checkChartRules(page: Page): Promise<Finding[]> {
  return page.evaluate(() => {
    const findings: {figure: string; rule: string; detail: string}[] = [];
    const main = document.querySelector("#observablehq-main")!;
    // Axes, grids, frames, reference rules and tips are not data.
    const nonData = /(?:grid|tick|label)$|^(?:frame|rule|tip)$/;
    const parse = (color: string): [number, number, number, number] | null => {
      const srgb = /color\(srgb ([\d.]+) ([\d.]+) ([\d.]+)(?: \/ ([\d.]+))?\)/.exec(color);
      if (srgb) return [+srgb[1]! * 255, +srgb[2]! * 255, +srgb[3]! * 255, srgb[4] === undefined ? 1 : +srgb[4]];
      const m = /rgba?\(([\d.]+)[, ]+([\d.]+)[, ]+([\d.]+)(?:[, /]+([\d.]+%?))?\)/.exec(color);
      if (!m) return null;
      const alpha = m[4] === undefined ? 1 : m[4].endsWith("%") ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
      return [+m[1]!, +m[2]!, +m[3]!, alpha];
    };
    const luminance = ([r, g, b]: number[]) => {
      const c = [r!, g!, b!].map((v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
      });
      return 0.2126 * c[0]! + 0.7152 * c[1]! + 0.0722 * c[2]!;
    };
    const blend = (top: number[], bottom: number[]) =>
      [0, 1, 2].map((i) => top[i]! * top[3]! + bottom[i]! * (1 - top[3]!)).concat(1);
    /** The opaque colour behind an element: its ancestors' backgrounds, blended from the page's. */
    const background = (element: Element): number[] => {
      const layers: number[][] = [];
      for (let e: Element | null = element; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c && c[3] > 0) layers.push(c);
        if (c && c[3] === 1) break;
      }
      let color = [255, 255, 255, 1];
      for (const layer of layers.reverse()) color = blend(layer, color);
      return color;
    };
    const opacity = (element: Element) => {
      let o = 1;
      for (let e: Element | null = element; e && e !== main; e = e.parentElement) {
        const style = getComputedStyle(e);
        o *= parseFloat(style.opacity || "1");
        if (e instanceof SVGElement) o *= parseFloat(style.fillOpacity || "1");
      }
      return o;
    };
    /** The colour a text is drawn on: the topmost filled shape of its chart under its centre, else its backgrounds. */
    const behind = (text: Element): number[] => {
      const back = background(text);
      const svg = text.closest("svg");
      if (!svg) return back;
      // Hit-testing sees only the viewport: bring the text into it first.
      text.scrollIntoView({block: "center", inline: "center"});
      const r = text.getBoundingClientRect();
      for (const e of document.elementsFromPoint(r.left + r.width / 2, r.top + r.height / 2)) {
        if (e === svg || !svg.contains(e)) break;
        // Only shapes that paint an area: not lines (grids, rules), whose fill is never drawn.
        if (!(e instanceof SVGGeometryElement) || e instanceof SVGLineElement || e instanceof SVGPolylineElement)
          continue;
        const style = getComputedStyle(e);
        const fill = parse(style.fill);
        if (!fill || style.fill === "none") continue;
        return blend([fill[0], fill[1], fill[2], fill[3] * opacity(e)], back);
      }
      return back;
    };
    const contrast = (text: Element) => {
      const style = getComputedStyle(text);
      const own = parse(text instanceof SVGElement ? style.fill : style.color);
      if (!own) return Infinity;
      // A text drawn on a halo (a wide stroke painted first) is read against its halo.
      const halo =
        text instanceof SVGElement && style.stroke !== "none" && parseFloat(style.strokeWidth) >= 2
          ? parse(style.stroke)
          : null;
      const back = halo && halo[3] === 1 ? halo : text instanceof SVGElement ? behind(text) : background(text);
      const front = blend([own[0], own[1], own[2], own[3] * opacity(text)], back);
      const [a, b] = [luminance(front), luminance(back)].sort((x, y) => y - x);
      return (a! + 0.05) / (b! + 0.05);
    };
    const name = (svg: Element) => {
      const figure = svg.closest(".card");
      const title = figure?.querySelector("h2")?.textContent?.trim();
      return title ?? svg.getAttribute("aria-label") ?? "chart";
    };
    const visible = (e: Element) => {
      const r = e.getBoundingClientRect();
      return r.width > 0 || r.height > 0;
    };

    // Charts: Plot's SVGs (a legend's swatches are small SVGs of their own, and are skipped).
    for (const svg of main.querySelectorAll<SVGSVGElement>("svg")) {
      if (svg.parentElement?.closest("svg")) continue;
      const box = svg.getBoundingClientRect();
      if (box.width < 120 || box.height < 80 || !svg.querySelector("g[aria-label]")) continue;
      const figure = name(svg);
      const marks = [...svg.querySelectorAll(":scope > g[aria-label], :scope > g > g[aria-label]")].filter((g) => {
        const label = g.getAttribute("aria-label")!;
        return !nonData.test(label);
      });
      const drawn = marks.some((g) =>
        [...g.querySelectorAll("rect, path, circle, line, text, image, polygon")].some((e) => {
          if (!visible(e)) return false;
          const style = getComputedStyle(e);
          const paints =
            (style.fill !== "none" && parseFloat(style.fillOpacity) > 0) ||
            (style.stroke !== "none" && parseFloat(style.strokeOpacity) > 0);
          return paints && parseFloat(style.opacity) > 0 && opacity(e) > 0;
        })
      );
      if (!drawn)
        findings.push({
          figure,
          rule: "data marks",
          detail: `no visible data mark (marks: ${marks.map((g) => g.getAttribute("aria-label")).join(", ") || "none"})`
        });

      const labels = [...svg.querySelectorAll("g[aria-label$='tick label'] text")].filter(visible);
      const rects = labels.map((t) => t.getBoundingClientRect());
      for (let i = 0; i < rects.length; ++i) {
        for (let j = i + 1; j < rects.length; ++j) {
          const a = rects[i]!;
          const b = rects[j]!;
          // Touching: less than one pixel apart on both axes.
          if (a.left < b.right + 1 && b.left < a.right + 1 && a.top < b.bottom + 1 && b.top < a.bottom + 1) {
            findings.push({
              figure,
              rule: "tick labels",
              detail: `"${labels[i]!.textContent}" and "${labels[j]!.textContent}" overlap or touch`
            });
            i = rects.length;
            break;
          }
        }
      }
      for (const text of svg.querySelectorAll("text")) {
        if (!visible(text) || !text.textContent?.trim()) continue;
        const parent = text.closest("g[aria-label]")?.getAttribute("aria-label") ?? "";
        if (parent === "tip") continue;
        const ratio = contrast(text);
        if (ratio < 4.5) {
          findings.push({
            figure,
            rule: "contrast",
            detail: `"${text.textContent.trim().slice(0, 30)}" (${parent || "text"}) at ${ratio.toFixed(2)}:1`
          });
          break;
        }
      }
    }
    // Legends drawn as HTML (Plot's swatches) and tables.
    for (const swatch of main.querySelectorAll("[class*='-swatches'] [class*='-swatch']:not([class*='-swatches'])")) {
      const ratio = contrast(swatch);
      if (ratio < 4.5)
        findings.push({
          figure: name(swatch),
          rule: "contrast",
          detail: `legend "${swatch.textContent?.trim()}" at ${ratio.toFixed(2)}:1`
        });
    }
    // Cards stay within the page's main column (a grid cell must not grow to a wide table's width).
    const column = main.getBoundingClientRect();
    for (const card of main.querySelectorAll(".card")) {
      const box = card.getBoundingClientRect();
      if (box.width > 0 && box.right > column.right + 1)
        findings.push({
          figure: card.querySelector("h2")?.textContent?.trim() ?? "card",
          rule: "table width",
          detail: `the card runs ${Math.round(box.right - column.right)} px past the page's column`
        });
    }
    for (const table of main.querySelectorAll("table")) {
      const card = table.closest(".card") ?? main;
      const figure = card.querySelector("h2")?.textContent?.trim() ?? "table";
      const cardBox = card.getBoundingClientRect();
      let scroller: Element | null = null;
      for (let e = table.parentElement; e && e !== card; e = e.parentElement) {
        const overflow = getComputedStyle(e).overflowX;
        if (overflow === "auto" || overflow === "scroll") {
          scroller = e;
          break;
        }
      }
      const shown = (scroller ?? table).getBoundingClientRect();
      if (shown.right > cardBox.right + 1 || shown.left < cardBox.left - 1)
        findings.push({
          figure,
          rule: "table width",
          detail: `${Math.round(shown.width)} px wide in a card of ${Math.round(cardBox.width)} px without scrolling inside it`
        });
      for (const cell of [...table.querySelectorAll("th, td")].slice(0, 60)) {
        if (!cell.textContent?.trim()) continue;
        const ratio = contrast(cell);
        if (ratio < 4.5) {
          findings.push({
            figure,
            rule: "contrast",
            detail: `table cell "${cell.textContent.trim().slice(0, 30)}" at ${ratio.toFixed(2)}:1`
          });
          break;
        }
      }
    }
    return findings as {figure: string; rule: Finding["rule"]; detail: string}[];
  });
}
