/**
 * The `MedusaError` a pure rule throws, as `{ type, message }` for an exact assertion; fails
 * the test when the rule does not refuse.
 */
export const refusal = (fn: () => unknown) => {
  try {
    fn()
  } catch (e) {
    return { type: (e as { type: string }).type, message: (e as Error).message }
  }
  throw new Error("expected a refusal")
}
