import { z } from 'zod';

/** Every list answers newest first, a page at a time. */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** `first` and `after`, the paging fields every list input carries. */
export const pagingInput = z.object({
  first: z.number().int().min(1, 'must be at least 1').max(MAX_PAGE_SIZE, `must be at most ${MAX_PAGE_SIZE}`).nullish(),
  after: z.string().max(200).nullish(),
});
