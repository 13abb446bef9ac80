/**
 * Compile-time assertions for the HTTP contract tests (`src/api/response-types.ts` for the
 * routes, `src/admin/hooks/__tests__/response-types.ts` for the dashboard's hooks): an
 * `Expect<Equal<A, B>>` that does not hold is a type error, so `tsc` fails.
 */

/** `true` when A and B are the same type (not merely assignable either way). */
export type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2
    ? true
    : false

export type Expect<T extends true> = T
