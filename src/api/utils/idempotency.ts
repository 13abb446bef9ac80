import { createHash } from "node:crypto"
import { MedusaRequest } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

/** The longest `Idempotency-Key` accepted. */
export const IDEMPOTENCY_KEY_MAX_LENGTH = 255

const VISIBLE_ASCII = /^[\x21-\x7e]+$/

/**
 * The request's `Idempotency-Key` header, or `undefined` without one. A key is 1 to 255
 * visible ASCII characters (letters, digits, punctuation; no spaces or control characters),
 * e.g. a UUID the client made before its first try; anything else is refused with a 400
 * naming the problem, before anything is done.
 */
export function readIdempotencyKey(req: MedusaRequest): string | undefined {
  const key = req.get("idempotency-key")
  if (key === undefined) {
    return undefined
  }
  const problem = idempotencyKeyProblem(key)
  if (problem) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Idempotency-Key must be ${IDEMPOTENCY_KEY_RULE}, got ${problem}`
    )
  }
  return key
}

/** What a key must be, as the refusals say it. */
export const IDEMPOTENCY_KEY_RULE = `1 to ${IDEMPOTENCY_KEY_MAX_LENGTH} visible ASCII characters (no spaces)`

/**
 * What is wrong with an idempotency key (`300 characters`, `U+0020 at position 5`), or null
 * for a good one. The header and a body's `idempotency_key` follow the same rule: they are
 * the same key.
 */
export function idempotencyKeyProblem(key: string): string | null {
  if (key.length === 0 || key.length > IDEMPOTENCY_KEY_MAX_LENGTH) {
    return `${key.length} characters`
  }
  return VISIBLE_ASCII.test(key) ? null : describeBadCharacter(key)
}

function describeBadCharacter(key: string) {
  const index = [...key].findIndex((c) => !VISIBLE_ASCII.test(c))
  const code = key.codePointAt(index)!
  return `U+${code.toString(16).toUpperCase().padStart(4, "0")} at position ${index + 1}`
}

/**
 * A hash of a validated request body that does not depend on the order of its keys: the
 * same body sent again with the same idempotency key is recognised as the same request.
 */
export function hashRequestBody(body: unknown): string {
  return createHash("sha256").update(canonicalJson(body)).digest("hex")
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonicalJson).join(",")}]`
  }
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`)
      .join(",")}}`
  }
  return JSON.stringify(value) ?? "null"
}
