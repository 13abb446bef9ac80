import {
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

const CONTROL = /[\u0000-\u001F\u007F]/

/**
 * Refuses a request whose path holds a control character (an id with a NUL byte, which
 * PostgreSQL cannot even compare) or broken percent-encoding, with a 400 instead of letting
 * the database fail.
 */
export function refuseControlCharactersInPath(
  req: MedusaRequest,
  _res: MedusaResponse,
  next: MedusaNextFunction
) {
  let path: string
  try {
    path = decodeURIComponent(req.originalUrl.split("?")[0])
  } catch {
    return next(
      new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "The path is not valid percent-encoded text"
      )
    )
  }
  if (CONTROL.test(path)) {
    return next(
      new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "Ids in the path must not contain control characters"
      )
    )
  }
  next()
}
