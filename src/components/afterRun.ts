/** Options of {@link afterRun}. */
export interface AfterRunOptions {
  /** The longest wait for the run, in ms: a long run's page does not wait for its end. Default 1,000. */
  timeout?: number;
  /** Resolves when the caller no longer needs the wait (Framework's `invalidation`): the wait then ends at once, with false. */
  invalidation?: Promise<unknown>;
}

/**
 * Resolves once the run a {@link Progress} element follows is done (its `data-state` is "done")
 * and the browser has drawn the frame after it, or after `timeout` ms, whichever comes first:
 * for work that the run and the charts it draws need not wait for, such as rewriting the address
 * (several milliseconds of the browser's main thread, which on a two-core machine the run's
 * workers share). The run may start later in the same task (a cell after the caller's): the
 * state is read a task later. Resolves with true, or with false at once when `invalidation`
 * resolves first: Framework runs a cell again only once its previous run has settled.
 *
 * @example
 * if (await afterRun(progress, {invalidation})) writeLinkState(settings);
 */
export function afterRun(
  progress: HTMLElement,
  {timeout = 1000, invalidation}: AfterRunOptions = {}
): Promise<boolean> {
  return new Promise((resolve) => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new MutationObserver(() => progress.dataset.state === "done" && go());
    void invalidation?.then(() => {
      stopped = true;
      stop();
      resolve(false);
    });
    function stop() {
      observer.disconnect();
      clearTimeout(timer);
    }
    function go() {
      stop();
      // The frame that draws the run's result first, then a moment when the page is idle.
      const idle = (f: () => void) =>
        typeof requestIdleCallback === "function" ? requestIdleCallback(f, {timeout: 200}) : setTimeout(f, 0);
      const done = () => resolve(!stopped);
      if (typeof requestAnimationFrame === "function" && document.visibilityState === "visible")
        requestAnimationFrame(() => idle(done));
      else idle(done);
    }
    timer = setTimeout(() => {
      if (stopped) return;
      if (progress.dataset.state === "done") return go();
      observer.observe(progress, {attributes: true, attributeFilter: ["data-state"]});
      timer = setTimeout(go, timeout);
    }, 0);
  });
}
