import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import {
  ContainerRegistrationKeys,
  MedusaError,
} from "@medusajs/framework/utils"

/**
 * The `code` Medusa gives a conflict in its error body, kept so a client that reads it sees
 * no difference between the plugin's conflicts and Medusa's own.
 */
export const CONFLICT_ERROR_CODE = "invalid_state_error"

/**
 * Wraps a route handler of the plugin so that its conflicts (a lost race, a lock held too
 * long, an idempotency key in use) reach the client with the plugin's own message, which
 * names the ids and says what to do, as `409 { type: "conflict", code:
 * "invalid_state_error", message }`. Medusa's error handler answers every conflict with one
 * generic sentence; a plugin cannot replace that handler for its routes alone (the
 * `errorHandler` of `defineMiddlewares` is global: the last one loaded serves every route of
 * the application), so the plugin answers its conflicts itself. Every other error goes on to
 * Medusa's handler unchanged, and Medusa's own routes are not touched.
 *
 * @example
 * export const POST = withConflictMessages(async (req, res) => {
 *   // ...
 * })
 */
export function withConflictMessages<
  Req extends MedusaRequest<any, any>,
  Res extends MedusaResponse,
>(handler: (req: Req, res: Res) => Promise<void>) {
  return async function conflictAnsweringHandler(req: Req, res: Res) {
    try {
      await handler(req, res)
    } catch (error) {
      if (!isConflict(error) || res.headersSent) {
        throw error
      }
      req.scope.resolve(ContainerRegistrationKeys.LOGGER).info(error.message)
      res.status(409).json({
        type: MedusaError.Types.CONFLICT,
        code: CONFLICT_ERROR_CODE,
        message: error.message,
      })
    }
  }
}

// Duck-typed as Medusa's own handler does: an error that crossed a workflow is not always
// the instance that was thrown.
function isConflict(error: unknown): error is { message: string } {
  const candidate = error as { type?: unknown; message?: unknown } | null
  return (
    candidate?.type === MedusaError.Types.CONFLICT &&
    typeof candidate.message === "string"
  )
}
