/** A row read as JSON (json_agg, row_to_json): its times come as text. */
export type JsonRow<T> = { [K in keyof T]: T[K] extends Date | null ? string | null : T[K] };

/** A time of a row read as JSON. */
export const jsonTime = (value: string | null): Date | null => (value === null ? null : new Date(value));
