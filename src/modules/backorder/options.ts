import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { AllocationPolicy } from "../../types/enums"

const DEFAULT_TEMPLATES = {
  confirmed: "backorder-confirmed",
  eta_changed: "backorder-eta-changed",
  ready: "backorder-ready",
  fulfilled: "backorder-fulfilled",
  cancelled: "backorder-cancelled",
  late: "backorder-late",
}
const DEFAULT_SEND = {
  confirmed: true,
  eta_changed: true,
  ready: true,
  fulfilled: true,
  cancelled: true,
  late: true,
}
const DEFAULT_NOTIFICATIONS = {
  channel: "email",
  templates: DEFAULT_TEMPLATES,
  send: DEFAULT_SEND,
  staffFeed: true,
  supplierChannel: "email",
  supplierTemplate: "purchase-order",
}

export const BackorderPluginOptionsSchema = z
  .object({
    /**
     * The rule that orders waiting backorders once those linked to the arriving purchase
     * order are served: `fifo` (oldest first, the default), `priority` (highest priority
     * first, then oldest) or `deposit_first` (those with money paid first, then oldest).
     */
    allocationPolicy: z
      .enum(
        Object.values(AllocationPolicy) as [
          AllocationPolicy,
          ...AllocationPolicy[],
        ]
      )
      .default(AllocationPolicy.FIFO),
    /**
     * When received units reach Medusa's stock: on each `receipt` (the default) or only
     * once the purchase order is completed (`completion`), as TechPOS does.
     */
    stockReceivedOn: z.enum(["receipt", "completion"]).default("receipt"),
    /**
     * Whether the plugin captures the unpaid balance of backordered units when they are
     * packed (`fulfilled`, the default), or leaves capturing to staff in Medusa (`manual`).
     */
    captureBalanceOn: z.enum(["fulfilled", "manual"]).default("fulfilled"),
    /** The share of a to-order sale taken as a deposit when none is given, in percent. */
    defaultDepositPercent: z.number().gt(0).max(100).default(30),
    /** How purchase order numbers are shown: prefix and zero padding, e.g. `PO-0012`. */
    purchaseOrderPrefix: z.string().max(10).default("PO-"),
    purchaseOrderNumberPadding: z.number().int().min(0).max(10).default(4),
    /**
     * What customers, staff and suppliers are told, through Medusa's Notification module and
     * whatever providers the merchant configured for the channels named here.
     */
    notifications: z
      .object({
        /** Channel of customer notifications: `email` (to the order's email) or `sms` (to its phone). */
        channel: z.string().min(1).max(60).default("email"),
        /** Template per kind of customer notification (the provider renders it). */
        templates: z
          .object({
            confirmed: z
              .string()
              .min(1)
              .max(200)
              .default("backorder-confirmed"),
            eta_changed: z
              .string()
              .min(1)
              .max(200)
              .default("backorder-eta-changed"),
            ready: z.string().min(1).max(200).default("backorder-ready"),
            fulfilled: z
              .string()
              .min(1)
              .max(200)
              .default("backorder-fulfilled"),
            cancelled: z
              .string()
              .min(1)
              .max(200)
              .default("backorder-cancelled"),
            late: z.string().min(1).max(200).default("backorder-late"),
          })
          .strict()
          .default(DEFAULT_TEMPLATES),
        /** Which kinds are sent to customers; each can be switched off. */
        send: z
          .object({
            confirmed: z.boolean().default(true),
            eta_changed: z.boolean().default(true),
            ready: z.boolean().default(true),
            fulfilled: z.boolean().default(true),
            cancelled: z.boolean().default(true),
            late: z.boolean().default(true),
          })
          .strict()
          .default(DEFAULT_SEND),
        /** Whether late backorders are announced in the admin's notification feed. */
        staffFeed: z.boolean().default(true),
        /** Channel and template of the purchase order sent to a supplier. */
        supplierChannel: z.string().min(1).max(60).default("email"),
        supplierTemplate: z.string().min(1).max(200).default("purchase-order"),
      })
      .strict()
      .default(DEFAULT_NOTIFICATIONS),
    /**
     * The catch-up job (every minute, on the worker) that records order lines nobody checked
     * for a shortage (a lost or failed `order.placed`) and hands out free stock whose event
     * was missed: how far back it looks, how long it leaves a new reservation to the event
     * subscriber, how long it leaves a confirmation or ready notice to theirs
     * (`notificationGraceSeconds`), or `false` to switch it off.
     */
    catchUp: z
      .union([
        z.literal(false),
        z
          .object({
            lookbackHours: z
              .number()
              .gt(0)
              .max(24 * 90)
              .default(72),
            graceSeconds: z.number().min(0).max(3600).default(30),
            notificationGraceSeconds: z
              .number()
              .min(0)
              .max(24 * 3600)
              .default(300),
          })
          .strict()
          // The job looks at what happened between `lookbackHours` ago and a grace ago: a
          // grace as long as the look-back leaves it nothing to look at, silently.
          .superRefine((catchUp, ctx) => {
            const lookbackSeconds = catchUp.lookbackHours * 3600
            for (const key of [
              "graceSeconds",
              "notificationGraceSeconds",
            ] as const) {
              if (catchUp[key] >= lookbackSeconds) {
                ctx.addIssue({
                  code: "custom",
                  path: [key],
                  message: `${catchUp[key]} s must be shorter than lookbackHours (${catchUp.lookbackHours} h = ${lookbackSeconds} s)`,
                })
              }
            }
          }),
      ])
      .default({
        lookbackHours: 72,
        graceSeconds: 30,
        notificationGraceSeconds: 300,
      }),
    /**
     * Whether the plugin's scheduled jobs (the catch-up, the sweep of abandoned to-order
     * sales, the marking of late promises) run on their schedule. `false` leaves them to be
     * run by hand, as the in-process tests do: a job firing on its own in the middle of a
     * test that runs the same job races it.
     */
    scheduledJobs: z.boolean().default(true),
    /**
     * How the plugin's changes of stock figures lock inventory items (see
     * `workflows/shared/locking.ts`): how long a change waits for a locked item before it is
     * refused with a 409 (`waitSeconds`), and how long a lock outlives a crashed holder
     * (`leaseSeconds`; it is renewed while the holder lives).
     */
    locking: z
      .object({
        waitSeconds: z.number().gt(0).max(120).default(30),
        leaseSeconds: z.number().min(1).max(120).default(5),
      })
      .strict()
      .default({ waitSeconds: 30, leaseSeconds: 5 }),
  })
  .strict()

export type BackorderPluginOptions = z.input<
  typeof BackorderPluginOptionsSchema
>
export type ResolvedBackorderPluginOptions = z.output<
  typeof BackorderPluginOptionsSchema
>

/**
 * Validates the plugin options and fills in the defaults. This is the one place options are
 * read: a bad option fails start-up with a message naming it.
 */
export function resolveBackorderPluginOptions(
  options: unknown
): ResolvedBackorderPluginOptions {
  // Medusa adds its own keys to a module's options (the module path, the database config).
  const {
    resolve: _resolve,
    database: _database,
    ...rest
  } = (options ?? {}) as Record<string, unknown>
  const result = BackorderPluginOptionsSchema.safeParse(rest)
  if (!result.success) {
    const problems = result.error.issues
      .map((issue) => {
        const name = issue.path.length ? issue.path.join(".") : "options"
        return `${name}: ${issue.message}`
      })
      .join("; ")
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Invalid medusa-plugin-backorders options: ${problems}`
    )
  }
  return result.data
}
