/**
 * Runs an async handler from an event (a form's onFinish, a button's onClick). A failed request
 * is already shown by its mutation's error alert, so the rejection is not reported again.
 */
export function fire(task: () => Promise<unknown>): void {
  task().catch(() => undefined);
}
