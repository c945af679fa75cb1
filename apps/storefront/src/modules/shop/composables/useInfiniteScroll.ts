import { onBeforeUnmount, watch, type Ref } from 'vue';

/**
 * Calls `onReach` whenever `sentinel` comes within `marginPx` of the bottom of the viewport, through
 * an IntersectionObserver. Does nothing where there is none; pages keep a "load more" button for
 * that case and for keyboard and screen-reader users.
 *
 * The observer only reports changes, so after a page is appended call `recheck()`: if the sentinel
 * is still in view (the page did not fill the screen) `onReach` is called again.
 */
export function useInfiniteScroll(sentinel: Ref<HTMLElement | null>, onReach: () => void, marginPx = 600) {
  let observer: IntersectionObserver | undefined;

  function stop(): void {
    observer?.disconnect();
    observer = undefined;
  }

  watch(
    sentinel,
    (element) => {
      stop();
      if (!element || typeof IntersectionObserver === 'undefined') return;
      observer = new IntersectionObserver(
        (entries) => {
          if (entries.some((entry) => entry.isIntersecting)) onReach();
        },
        { rootMargin: `0px 0px ${marginPx}px 0px` },
      );
      observer.observe(element);
    },
    { immediate: true },
  );
  onBeforeUnmount(stop);

  /** Observing afresh makes the observer report the sentinel's current position once. */
  function recheck(): void {
    const element = sentinel.value;
    if (!observer || !element) return;
    observer.unobserve(element);
    observer.observe(element);
  }

  return { recheck };
}
