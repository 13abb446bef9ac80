import { z } from "@medusajs/framework/zod"
import { createFindParams } from "@medusajs/medusa/api/utils/validators"
import { IDEMPOTENCY_KEY_RULE, idempotencyKeyProblem } from "./idempotency"

/**
 * The bounds of everything a client can send, in one place (the README lists them).
 *
 * A quantity must stay exact through Medusa's inventory arithmetic and our sums: a million
 * units per line, summed over many lines and orders, stays far below 2^53.
 */
export const LIMITS = {
  /** Units on one line (sale, purchase order, receipt, cancellation, terms). */
  MAX_QUANTITY: 1_000_000,
  /** A price or cost per unit, or an amount, in the currency's main unit. */
  MAX_MONEY: 1_000_000_000,
  /** Decimal places of a price, cost or amount. */
  MONEY_DECIMALS: 4,
  /** Lead times in days (ten years). */
  MAX_LEAD_TIME_DAYS: 3650,
  /** Allocation priority, either way. */
  MAX_PRIORITY: 1_000_000,
  /** Ids, keys, codes. */
  MAX_ID_LENGTH: 100,
  /** Names, SKUs, references. */
  MAX_NAME_LENGTH: 200,
  /** Notes and reasons. */
  MAX_NOTE_LENGTH: 5000,
  /** Metadata, as JSON. */
  MAX_METADATA_LENGTH: 10_000,
  /** Search text. */
  MAX_SEARCH_LENGTH: 200,
  /** Page size of a list. */
  MAX_LIMIT: 1000,
  /** Offset of a list page. */
  MAX_OFFSET: 1_000_000,
  /** Ids in one filter or body array. */
  MAX_IDS: 1000,
  /** Lines in one body. */
  MAX_LINES: 500,
  /** Dates: from this year ... */
  MIN_YEAR: 1970,
  /** ... to this one. */
  MAX_YEAR: 9999,
} as const

const { MAX_QUANTITY, MAX_MONEY, MONEY_DECIMALS } = LIMITS

// The field an issue is about, written the way Medusa's own validation messages write it.
const field = (issue: { path?: PropertyKey[] }) =>
  `'${(issue.path ?? []).map(String).join(", ")}'`

/**
 * A count of units: a whole number from 1 to 1,000,000. Refused with a message that names
 * the value (and the bound), for 0, negatives, fractions and absurd values alike.
 */
export const quantity = () =>
  z
    .number()
    .refine((value) => Number.isInteger(value) && value >= 1, {
      error: (issue) =>
        `Quantity must be a whole number of units of at least 1, got ${issue.input}`,
    })
    .refine((value) => value <= MAX_QUANTITY, {
      error: (issue) =>
        `Quantity for field ${field(issue)} must be at most ${MAX_QUANTITY} units, got ${issue.input}`,
    })

/** The name the earlier routes used for {@link quantity}. */
export const unitQuantity = quantity

/** A whole number in a range, e.g. days or a priority (the columns are 32-bit). */
export const wholeNumber = (min: number, max: number) =>
  z.number().int().min(min).max(max)

/**
 * A price, cost or amount: from 0 (or above 0 with `positive`) to 1,000,000,000, with at
 * most 4 decimal places.
 */
export const money = ({ positive = false } = {}) =>
  (positive ? z.number().positive() : z.number().min(0))
    .max(MAX_MONEY)
    .refine(
      (value) =>
        Number.isInteger(value) ||
        Number(value.toFixed(MONEY_DECIMALS)) === value,
      {
        error: (issue) =>
          `Amount for field ${field(issue)} must have at most ${MONEY_DECIMALS} decimals, got ${issue.input}`,
      }
    )

// C0 controls and DEL; tabs and line breaks only where text may span lines.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/
const CONTROL_OR_BREAK = /[\u0000-\u001F\u007F]/

// A UTF-16 surrogate that is not half of a pair (with the `u` flag a pair is one character).
// JSON can carry one (`"\ud800"`), but it is no Unicode character: PostgreSQL's jsonb refuses
// it (and so would fail the request with a 500), and UTF-8 text cannot hold it.
const LONE_SURROGATE = /\p{Cs}/u

const loneSurrogateMessage = (issue: { path?: PropertyKey[] }) =>
  `Field ${field(issue)} must not contain a lone UTF-16 surrogate`

/**
 * Text of at most `max` characters without control characters (a NUL byte cannot be stored
 * in PostgreSQL) or lone UTF-16 surrogates. `multiline` text may hold tabs and line breaks.
 */
export const text = (max: number, { multiline = false } = {}) =>
  z
    .string()
    .max(max)
    .refine((value) => !(multiline ? CONTROL : CONTROL_OR_BREAK).test(value), {
      error: (issue) =>
        `Field ${field(issue)} must not contain control characters`,
    })
    .refine((value) => !LONE_SURROGATE.test(value), {
      error: loneSurrogateMessage,
    })

/**
 * Free-form metadata: an object of at most 10,000 characters as JSON, with no NUL character
 * and no lone UTF-16 surrogate anywhere, in a key or a value (PostgreSQL's jsonb can store
 * neither).
 */
export const metadata = () =>
  z
    .record(z.string(), z.unknown())
    .superRefine((value, ctx) => {
      const json = JSON.stringify(value)
      if (json.length > LIMITS.MAX_METADATA_LENGTH) {
        ctx.addIssue({
          code: "custom",
          message: `Metadata must be at most ${LIMITS.MAX_METADATA_LENGTH} characters as JSON, got ${json.length}`,
        })
      } else if (json.includes("\\u0000")) {
        ctx.addIssue({
          code: "custom",
          message: "Metadata must not contain NUL characters",
        })
      }
    })
    .refine((value) => loneSurrogatePath(value) === null, {
      // Named down to the key that holds it, e.g. 'metadata, a'.
      error: (issue) =>
        loneSurrogateMessage({
          path: [...(issue.path ?? []), ...loneSurrogatePath(issue.input)!],
        }),
    })

/**
 * Where in a JSON value the first lone UTF-16 surrogate is: the path to the string that holds
 * one, or to the object whose key does; `null` when there is none.
 */
function loneSurrogatePath(value: unknown): (string | number)[] | null {
  if (typeof value === "string") {
    return LONE_SURROGATE.test(value) ? [] : null
  }
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const path = loneSurrogatePath(item)
      if (path) {
        return [index, ...path]
      }
    }
    return null
  }
  if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (LONE_SURROGATE.test(key)) {
        return []
      }
      const path = loneSurrogatePath(item)
      if (path) {
        return [key, ...path]
      }
    }
  }
  return null
}

/**
 * An id (or key): 1 to 100 characters, no spaces, control characters or lone UTF-16
 * surrogates.
 */
export const id = () =>
  z
    .string()
    .min(1)
    .max(LIMITS.MAX_ID_LENGTH)
    .refine((value) => /^[^\s\u0000-\u001F\u007F]*$/.test(value), {
      error: (issue) =>
        `Field ${field(issue)} must be an id without spaces or control characters`,
    })
    .refine((value) => !LONE_SURROGATE.test(value), {
      error: loneSurrogateMessage,
    })

/**
 * An idempotency key in a body: the same rule as the `Idempotency-Key` header (1 to 255
 * visible ASCII characters, no spaces), refused with the same words.
 */
export const idempotencyKey = () =>
  z.string().refine((value) => idempotencyKeyProblem(value) === null, {
    error: (issue) =>
      `Field ${field(issue)} must be ${IDEMPOTENCY_KEY_RULE}, got ${idempotencyKeyProblem(String(issue.input))}`,
  })

/** One id or a list of them, as list filters take them. */
export const ids = () => z.union([id(), z.array(id()).max(LIMITS.MAX_IDS)])

const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/

/**
 * A calendar date or date-time in ISO 8601 (`2024-03-01`, `2024-03-01T10:00:00Z`), given as a
 * string (or a Date by programmatic callers). Refuses days that do not exist (`2024-02-30`),
 * numbers, and years outside 1970–9999.
 */
export const date = () =>
  z
    .union([z.string(), z.date()])
    .refine((value) => toDate(value) !== null, {
      error: (issue) =>
        `Field ${field(issue)} must be a date like 2024-03-01 or 2024-03-01T10:00:00Z from ${LIMITS.MIN_YEAR} to ${LIMITS.MAX_YEAR}, got ${
          issue.input instanceof Date
            ? "an invalid date"
            : JSON.stringify(issue.input)
        }`,
    })
    .transform((value) => toDate(value)!)

function toDate(value: string | Date): Date | null {
  const inRange = (d: Date) =>
    !isNaN(d.getTime()) &&
    d.getUTCFullYear() >= LIMITS.MIN_YEAR &&
    d.getUTCFullYear() <= LIMITS.MAX_YEAR
  if (value instanceof Date) {
    return inRange(value) ? value : null
  }
  const match = ISO_DATE.exec(value)
  if (!match) {
    return null
  }
  const [, y, m, d, hh = "0", mm = "0", ss = "0"] = match
  const [year, month, day] = [Number(y), Number(m), Number(d)]
  // The calendar day must exist: 2024-02-30 is not 1 March.
  const calendar = new Date(Date.UTC(year, month - 1, day))
  if (
    calendar.getUTCFullYear() !== year ||
    calendar.getUTCMonth() !== month - 1 ||
    calendar.getUTCDate() !== day ||
    Number(hh) > 23 ||
    Number(mm) > 59 ||
    Number(ss) > 59
  ) {
    return null
  }
  const parsed = new Date(value)
  return inRange(parsed) ? parsed : null
}

/** A date range filter of a list: `$gt`, `$gte`, `$lt`, `$lte` of dates. */
export const dateFilter = () =>
  z
    .object({
      $gt: date().optional(),
      $gte: date().optional(),
      $lt: date().optional(),
      $lte: date().optional(),
    })
    .strict()

// Query strings carry numbers as text: only plain digits count.
const queryInteger = (min: number, max: number, fallback: number) =>
  z.preprocess(
    (value) =>
      typeof value === "string" && /^-?\d{1,16}$/.test(value)
        ? Number(value)
        : value,
    wholeNumber(min, max).optional().default(fallback)
  )

/**
 * The paging and sorting of a list: Medusa's find params with `limit` from 1 to 1,000,
 * `offset` from 0 to 1,000,000, and `order` (optionally `-` for descending) one of the
 * `sortable` fields.
 */
export const findParams = ({
  limit,
  sortable,
}: {
  limit: number
  sortable: readonly string[]
}) =>
  createFindParams({ limit, offset: 0 }).extend({
    fields: text(2000).optional(),
    limit: queryInteger(1, LIMITS.MAX_LIMIT, limit),
    offset: queryInteger(0, LIMITS.MAX_OFFSET, 0),
    order: sortOrder(sortable).optional(),
  })

/** A sort key from an allow-list, `-` first for descending. */
export const sortOrder = (sortable: readonly string[]) =>
  z.string().refine((value) => sortable.includes(value.replace(/^-/, "")), {
    error: (issue) =>
      `Order field ${JSON.stringify(issue.input)} is not valid: sort by one of ${sortable.join(", ")}, with - first for descending`,
  })

/** The `fields` of a single-record request, without control characters. */
export const selectParams = () => z.object({ fields: text(2000).optional() })

/** Search text typed by staff: at most 200 characters, trimmed, searched literally. */
export const searchText = () =>
  text(LIMITS.MAX_SEARCH_LENGTH).transform((value) => value.trim())

/**
 * A search text with the LIKE wildcards (`%`, `_`) and the escape character escaped, so that
 * whatever the user typed is matched literally by an `ILIKE '%…%'` pattern.
 */
export const escapeLikePattern = (value: string) =>
  value.replace(/[\\%_]/g, (c) => `\\${c}`)
