/**
 * A progress bar for runs longer than a moment: hidden for the first quarter second of a run (so
 * quick runs never flash it), then a <progress> with the share done and the elapsed time.
 */
export interface Progress extends HTMLElement {
  /** A new run starts (replacing any run still shown). */
  start(label: string): void;
  /** The current run has done this share (0 to 1). */
  set(done: number): void;
  /** The current run has finished or failed. */
  finish(): void;
}

export function Progress({delay = 250}: {delay?: number | undefined} = {}): Progress {
  const root = document.createElement("div") as unknown as Progress;
  root.className = "tw-progress";
  root.setAttribute("role", "status");
  root.hidden = true;
  // The page's signal of completion, for tests: "running" or "done", and how many runs finished.
  root.dataset.state = "done";
  root.dataset.runs = "0";
  const bar = document.createElement("progress");
  bar.max = 1;
  bar.value = 0;
  const text = document.createElement("span");
  text.style.marginLeft = "0.5rem";
  root.append(bar, text);
  let started = 0;
  let label = "";
  let timer: ReturnType<typeof setTimeout> | undefined;
  const render = () => {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    text.textContent = `${label}: ${Math.round(bar.value * 100)}% after ${seconds} s`;
  };
  root.start = (what: string) => {
    clearTimeout(timer);
    started = performance.now();
    label = what;
    bar.value = 0;
    root.dataset.state = "running";
    root.hidden = true;
    timer = setTimeout(() => {
      root.hidden = false;
      render();
    }, delay);
  };
  root.set = (done: number) => {
    bar.value = done;
    if (!root.hidden) render();
  };
  root.finish = () => {
    clearTimeout(timer);
    root.hidden = true;
    root.dataset.runs = String(Number(root.dataset.runs) + 1);
    root.dataset.state = "done";
  };
  return root;
}
