/**
 * Awaits a request that must be refused and returns its status and body; a request that
 * succeeds fails the test.
 */
export async function refused(
  request: Promise<unknown>
): Promise<{ status: number; data: unknown }> {
  return request.then(
    () => {
      throw new Error("expected the request to be refused")
    },
    (e) => ({ status: e.response.status, data: e.response.data })
  )
}
