import { expect } from 'vitest';

/**
 * Checks that sends were never ahead of `perSecond`, from the arrival times at a provider.
 *
 * Pacing grants at most `perSecond` sends in each clock second, and a send arrives after its grant,
 * maybe much later on a busy machine. So whatever the delays, by any moment T at most
 * `perSecond` × (whole seconds begun since the first message was posted) can have arrived, and the
 * last of `arrivals.length` sends cannot arrive before the window that must hold it opens.
 */
export function expectPaced(arrivals: number[], postedFrom: number, perSecond: number) {
  const firstWindow = Math.floor(postedFrom / 1000);
  const sorted = [...arrivals].sort((a, b) => a - b);
  sorted.forEach((at, i) => {
    const windowsBegun = Math.floor(at / 1000) - firstWindow + 1;
    expect(i + 1, `send ${i + 1} arrived ${at - firstWindow * 1000} ms into the run`).toBeLessThanOrEqual(perSecond * windowsBegun);
  });
  const windowsNeeded = Math.ceil(arrivals.length / perSecond);
  expect(sorted.at(-1)!).toBeGreaterThanOrEqual((firstWindow + windowsNeeded - 1) * 1000);
}
