/** A chart's place on a page, made once, that draws each new chart in place: see {@link ChartSlot}. */
export interface ChartSlot extends HTMLDivElement {
  /**
   * Draws `render(width)` now if the width is known (else once it is), and again whenever the width
   * changes. With a `key` (a digest of the chart's data, such as its rows as JSON), a chart already
   * drawn with the same key at the same width is kept, not drawn again.
   */
  draw(render: (width: number) => Node, options?: {key?: string}): void;
}

/**
 * A chart's place on a page that outlives its data. Framework's `resize` makes a new element each
 * time a cell runs again, which learns its width only after the next layout, so a redraw costs an
 * empty element, a layout, the chart, and a second layout. A slot keeps the width a ResizeObserver
 * gave it last and replaces its chart at once when given new data: the card, its title and its
 * height stay where they are, and the page lays out once. `draw` when the width changes too. A
 * chart whose data did not change (the survivors' fan when only a tier's policy did) is left as
 * it is: drawing it again would cost the chart and its layout for the same picture.
 *
 * @example
 * const slot = ChartSlot(); // once, in a cell of its own, put in a card
 * slot.draw((width) => Plot.plot({width, marks: [Plot.dot(data, {x: "x", y: "y"})]}), {key: JSON.stringify(data)}); // on each new `data`
 */
export function ChartSlot(): ChartSlot {
  const slot = document.createElement("div") as ChartSlot;
  slot.style.position = "relative";
  let width = 0;
  let render: ((width: number) => Node) | null = null;
  let key: string | undefined;
  /** The key and width of the chart on screen. */
  let drawn: {key: string | undefined; width: number} | null = null;
  const paint = () => {
    if (!render || width <= 0) return;
    if (key !== undefined && drawn?.key === key && drawn.width === width) return;
    slot.replaceChildren(render(width));
    drawn = {key, width};
  };
  new ResizeObserver(([entry]) => {
    const next = entry!.contentRect.width;
    if (next === width) return;
    width = next;
    paint();
  }).observe(slot);
  slot.draw = (next, options = {}) => {
    render = next;
    key = options.key;
    paint();
  };
  return slot;
}
