/** Options of {@link throttleProgress}. */
export interface ThrottleProgressOptions {
  /** The least time between two reports, in ms. Default 50. */
  interval?: number;
  /** The clock, in ms. Default `Date.now`. */
  now?: () => number;
}

/**
 * A progress callback (the share done, 0 to 1) that passes a report on to `send` at most once every
 * `interval` ms, and always the report of completion (1): what a worker posts to its page, so a long
 * run does not flood the page with messages.
 *
 * @example
 * const progress = throttleProgress((done) => postMessage({id, progress: done}));
 * for (let k = 0; k < n; ++k) progress(k / n);
 * progress(1);
 */
export function throttleProgress(
  send: (done: number) => void,
  {interval = 50, now = Date.now}: ThrottleProgressOptions = {}
): (done: number) => void {
  let last = -Infinity;
  return (done) => {
    const time = now();
    if (time - last < interval && done < 1) return;
    last = time;
    send(done);
  };
}
