import { expect } from 'vitest';

/**
 * Checks that sends were never ahead of `perSecond`, from the arrival times at a provider.
 *
 * A send arrives after it was let go, maybe much later on a busy machine, never earlier. Pacing lets
 * at most `perSecond` go in each clock second (`clock`, the device pacing held in PostgreSQL) or in
 * any one second (`sliding`, an SMPP link's own cap), counted from no earlier than the first post. So
 * whatever the delays, by any moment at most `perSecond` × (seconds begun since then) have arrived,
 * and the last cannot arrive before the second that must hold it begins.
 */
export function expectPaced(arrivals: number[], postedFrom: number, perSecond: number, windows: 'clock' | 'sliding' = 'clock') {
  const origin = windows === 'clock' ? Math.floor(postedFrom / 1000) * 1000 : postedFrom;
  const sorted = [...arrivals].sort((a, b) => a - b);
  sorted.forEach((at, i) => {
    const secondsBegun = Math.floor((at - origin) / 1000) + 1;
    expect(i + 1, `send ${i + 1} arrived ${at - origin} ms into the run`).toBeLessThanOrEqual(perSecond * secondsBegun);
  });
  const secondsNeeded = Math.ceil(arrivals.length / perSecond);
  expect(sorted.at(-1)!).toBeGreaterThanOrEqual(origin + (secondsNeeded - 1) * 1000);
}
