import { builder } from './builder.ts';

/** What a delete mutation answers: the id of what is gone. */
export const Deleted = builder.objectRef<{ id: string | number }>('Deleted').implement({
  fields: (t) => ({
    id: t.id({ resolve: (d) => String(d.id) }),
    deleted: t.boolean({ resolve: () => true }),
  }),
});
