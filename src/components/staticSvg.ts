// Elements Observable Plot draws; anything else in a published chart (a script, a foreign object,
// an image, a link) is refused rather than put on the page.
const allowed = new Set([
  "svg",
  "g",
  "path",
  "rect",
  "line",
  "circle",
  "text",
  "tspan",
  "style",
  "title",
  "defs",
  "marker"
]);

/**
 * A chart drawn when the site was built, from its SVG text (see src/data/reports/reportCharts.ts):
 * parsed as XML, checked to hold only drawing elements and no event handlers or links, and adopted
 * into the page. It is never given to innerHTML. Throws, naming what it found, on anything else.
 */
export function StaticSvg(text: string, {ariaLabel}: {ariaLabel?: string} = {}): SVGSVGElement {
  const parsed = new DOMParser().parseFromString(text, "image/svg+xml");
  const root = parsed.documentElement;
  if (
    parsed.querySelector("parsererror") ||
    root.namespaceURI !== "http://www.w3.org/2000/svg" ||
    root.localName !== "svg"
  )
    throw new Error("a published chart is not a well-formed SVG document");
  for (const element of [root, ...root.querySelectorAll("*")]) {
    if (!allowed.has(element.localName)) throw new Error(`a published chart holds a <${element.localName}> element`);
    for (const {name} of element.attributes) {
      if (/^on/i.test(name) || /(^|:)href$/i.test(name)) throw new Error(`a published chart holds a ${name} attribute`);
    }
  }
  const svg = document.importNode(root, true) as unknown as SVGSVGElement;
  if (ariaLabel) svg.setAttribute("aria-label", ariaLabel);
  svg.setAttribute("role", "img");
  return svg;
}
