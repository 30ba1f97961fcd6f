/** A background job's idle wait between passes (EPCIS subscription delivery, alarm webhooks), woken early by new work. */

/**
 * Waits `ms` or until woken or aborted, whichever comes first; the timer is cleared in every case
 * (no timer is left when the job stops).
 */
export function pause(ms: number, signal: AbortSignal): { done: Promise<void>; wake: () => void } {
  let wake = () => {};
  const done = new Promise<void>((resolve) => {
    const finish = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', finish);
      resolve();
    };
    const timer = setTimeout(finish, ms);
    timer.unref();
    signal.addEventListener('abort', finish, { once: true });
    wake = finish;
    if (signal.aborted) finish();
  });
  return { done, wake };
}
