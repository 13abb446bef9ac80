import {
  FilterableNotificationProps,
  FilterableReservationItemProps,
  MedusaContainer,
} from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { BACKORDER_MODULE } from "../../../modules/backorder"
import BackorderModuleService, {
  stockPairKey,
} from "../../../modules/backorder/service"
import { allocateFreeStockWorkflow } from "../../allocation/workflows/allocate-free-stock"
import { recordOrderBackordersWorkflow } from "../workflows/record-order-backorders"
import { BACKORDER_CUSTOMER_FIELDS } from "../../../types/backorder-module"
import {
  notifyBackorderCustomersWorkflow,
  stateNoticeKey,
} from "../../notifications"
import { toNumber } from "../../shared/money"
import {
  findUnchecked,
  UncheckedReservation,
} from "../../shared/unchecked-reservations"

export type CatchUpOptions = {
  /** How far back to look for order lines nobody checked, in hours. */
  lookbackHours?: number
  /** Lines reserved more recently than this are left to the `order.placed` subscriber. */
  graceSeconds?: number
  /** Reservations are read in pages of this many (every page of the window in one run). */
  limit?: number
  /**
   * Confirmations and ready notices younger than this, in seconds, are left to the event
   * subscriber; older ones that were never sent are sent by the catch-up.
   */
  notificationGraceSeconds?: number
  /** Backorders per page of the notice catch-up (1,000). */
  noticePage?: number
}

export type CatchUpResult = {
  /** Orders whose unchecked lines were recorded now. */
  recorded_order_ids: string[]
  /** Inventory levels whose free units were handed to waiting backorders now. */
  allocated_level_ids: string[]
  /** Customers whose copy for the backorder search was out of date and is refreshed now. */
  refreshed_customer_ids: string[]
  /**
   * SKUs and titles of backorders in the window that the search did not know (recorded by a
   * server of an older version during an upgrade), added now.
   */
  added_search_texts: string[]
  /**
   * Backorders whose confirmation or ready notice was never sent (its event lost, its
   * subscriber failed) and is sent now.
   */
  notified_backorder_ids: Record<CaughtUpNotice, string[]>
}

/** The notices the catch-up sends: those that announce a state the backorder still has. */
type CaughtUpNotice = "confirmed" | "ready"

/**
 * What must happen even when an event is lost, late or its handler failed (a lock held too
 * long, a worker killed): order lines that Medusa reserved and nobody checked for a shortage
 * are recorded, stock that is free where backorders wait is handed out, and customers updated
 * without their `customer.updated` reaching the search copy get it refreshed, and the SKUs
 * and titles of backorders recorded without their search texts are added, and confirmations
 * and ready notices that were never sent are sent (each once: they carry the same
 * idempotency key as the subscriber's). Each part runs even when one before it failed. The
 * first two run the same idempotent workflows as the subscribers, under the same locks, so running this
 * while a subscriber handles the same order, on another instance, or twice, changes nothing
 * twice.
 */
export async function catchUpBackorders(
  container: MedusaContainer,
  options: CatchUpOptions = {}
): Promise<CatchUpResult> {
  const backorderModule: BackorderModuleService =
    container.resolve(BACKORDER_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  // Each part on its own: one that fails (logged, retried by the next run) does not keep the
  // others from catching up.
  const part = async <T>(
    name: string,
    run: () => Promise<T>,
    none: T
  ): Promise<T> => {
    try {
      return await run()
    } catch (error) {
      logger.error(
        `Backorder catch-up could not ${name}, the next run tries again: ${(error as Error).message}`
      )
      return none
    }
  }
  const recorded = await part(
    "record missed orders",
    () => recordMissedOrders(container, options),
    []
  )
  const allocated = await part(
    "allocate missed stock",
    () => allocateMissedStock(container),
    []
  )
  const refreshed = await part(
    "refresh customer search copies",
    () => refreshStaleCustomerCopies(container, options),
    []
  )
  const texts = await part(
    "add missing search texts",
    () =>
      backorderModule.catchUpBackorderSearchTexts(
        new Date(Date.now() - (options.lookbackHours ?? 72) * 3600_000)
      ),
    []
  )
  const confirmed = await part(
    "send missed confirmations",
    () => sendMissedNotices(container, "confirmed", options),
    []
  )
  const ready = await part(
    "send missed ready notices",
    () => sendMissedNotices(container, "ready", options),
    []
  )
  return {
    recorded_order_ids: recorded,
    allocated_level_ids: allocated,
    refreshed_customer_ids: refreshed,
    added_search_texts: texts,
    notified_backorder_ids: { confirmed, ready },
  }
}

/**
 * The confirmations of backorders created in the window that still wait, and the ready
 * notices of backorders that got units in it and are available, that were never sent: sent
 * now, through the subscriber's workflow and with its idempotency keys. The other notices
 * announce a change whose facts the backorder no longer shows (the old promise date, the
 * refund of one cancellation), or would need every fulfilled or late backorder read to find
 * the window's (`fulfilled_at` and `late_at` have no index), so they are not caught up. The
 * whole window, a page of 1,000 backorders at a time, each page's keys looked up in Medusa's
 * notifications by their unique index.
 */
async function sendMissedNotices(
  container: MedusaContainer,
  kind: CaughtUpNotice,
  {
    lookbackHours = 72,
    notificationGraceSeconds = 300,
    noticePage = NOTICE_PAGE,
  }: CatchUpOptions
): Promise<string[]> {
  const backorderModule: BackorderModuleService =
    container.resolve(BACKORDER_MODULE)
  const notificationModule = container.resolve(Modules.NOTIFICATION)
  const { send } = backorderModule.getOptions().notifications
  const now = Date.now()
  const window = {
    since: new Date(now - lookbackHours * 3600_000),
    until: new Date(now - notificationGraceSeconds * 1000),
  }
  const notified: string[] = []
  if (!send[kind]) {
    return notified
  }
  for (let after = ""; ; ) {
    const page = await backorderModule.listBackorderIdsToNotify(
      kind,
      window,
      after,
      noticePage
    )
    if (!page.length) {
      break
    }
    after = page[page.length - 1]
    const keys = page.map((id) => stateNoticeKey(kind, id))
    // Only the backorders without a notice run the workflow (which reads their orders and
    // customers): Medusa's `createNotifications` would skip the sent keys itself, but only
    // after that. A notice whose provider failed counts as sent here, so a failing
    // provider is not called for it every minute. `idempotency_key` is a (uniquely
    // indexed) column of Medusa's notification, missing from its filter and DTO types only.
    const sent = await notificationModule.listNotifications(
      { idempotency_key: keys } as FilterableNotificationProps,
      { select: ["idempotency_key"], take: keys.length }
    )
    const known = new Set(
      sent.map(
        (n) => (n as { idempotency_key?: string | null }).idempotency_key
      )
    )
    const missing = page.filter((id) => !known.has(stateNoticeKey(kind, id)))
    if (missing.length) {
      // A subscriber sending one of these at this moment wins its key and this page fails
      // as a whole: the rest of the page is sent by the next run.
      const { result, errors } = await notifyBackorderCustomersWorkflow(
        container
      ).run({
        input: { kind, backorders: missing.map((id) => ({ id })) },
        throwOnError: false,
      })
      if (errors.length) {
        container
          .resolve(ContainerRegistrationKeys.LOGGER)
          .warn(
            `Backorder catch-up could not send missed "${kind}" notices for ${missing.length} backorder(s) (${missing.slice(0, 5).join(", ")}${missing.length > 5 ? ", ..." : ""}), the next run tries again: ${errors[0].error?.message}`
          )
      } else {
        notified.push(
          ...result.map((n) => n.resource_id).filter((id): id is string => !!id)
        )
      }
    }
    if (page.length < noticePage) {
      break
    }
  }
  return notified
}

/** Backorders per page of the notice catch-up, and so keys per notification lookup. */
const NOTICE_PAGE = 1000

/**
 * The customers updated in the window (a page at a time) who have a copy for the backorder
 * search that differs from them now: their copy is refreshed.
 */
async function refreshStaleCustomerCopies(
  container: MedusaContainer,
  { lookbackHours = 72, limit = 5000 }: CatchUpOptions
): Promise<string[]> {
  const customerModule = container.resolve(Modules.CUSTOMER)
  const backorderModule: BackorderModuleService =
    container.resolve(BACKORDER_MODULE)
  const refreshed: string[] = []
  for (let skip = 0; ; skip += limit) {
    const customers = await customerModule.listCustomers(
      {
        updated_at: {
          $gte: new Date(Date.now() - lookbackHours * 3600_000).toISOString(),
        },
      },
      {
        select: ["id", ...BACKORDER_CUSTOMER_FIELDS],
        order: { updated_at: "ASC", id: "ASC" },
        skip,
        take: limit,
      }
    )
    const copies = customers.length
      ? await backorderModule.listBackorderCustomers(
          { id: customers.map((c) => c.id) },
          { select: ["id", ...BACKORDER_CUSTOMER_FIELDS] }
        )
      : []
    const copyById = new Map(copies.map((c) => [c.id, c]))
    const stale = customers.filter((customer) => {
      const copy = copyById.get(customer.id)
      return (
        copy &&
        BACKORDER_CUSTOMER_FIELDS.some(
          (field) => (copy[field] ?? null) !== (customer[field] ?? null)
        )
      )
    })
    if (stale.length) {
      await backorderModule.upsertBackorderCustomerCopies(stale)
      refreshed.push(...stale.map((c) => c.id))
    }
    if (customers.length < limit) {
      break
    }
  }
  return refreshed
}

async function recordMissedOrders(
  container: MedusaContainer,
  { lookbackHours = 72, graceSeconds = 30, limit = 5000 }: CatchUpOptions
): Promise<string[]> {
  const inventoryModule = container.resolve(Modules.INVENTORY)
  const backorderModule: BackorderModuleService =
    container.resolve(BACKORDER_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const now = Date.now()
  const window = {
    created_at: {
      $gte: new Date(now - lookbackHours * 3600_000),
      $lte: new Date(now - graceSeconds * 1000),
    },
  } as FilterableReservationItemProps
  // The whole window, a page at a time: a busy shop reserves more lines in 72 hours than one
  // page holds, and a lost event on a line past the first page must be found too. The window
  // ends in the past and is read oldest first, so later reservations do not shift the pages.
  const byLine = new Map<
    string,
    Parameters<typeof findUnchecked>[1][number][]
  >()
  for (let skip = 0; ; skip += limit) {
    const page = await inventoryModule.listReservationItems(window, {
      select: [
        "line_item_id",
        "inventory_item_id",
        "location_id",
        "quantity",
        "created_at",
      ],
      order: { created_at: "ASC", id: "ASC" },
      skip,
      take: limit,
    })
    for (const r of page) {
      if (r.line_item_id) {
        byLine.set(r.line_item_id, [
          ...(byLine.get(r.line_item_id) ?? []),
          { ...r, line_item_id: r.line_item_id },
        ])
      }
    }
    if (page.length < limit) {
      break
    }
  }
  // Checked a page of lines at a time, each line with all its reservations (a kit's lie on
  // both sides of a page break).
  const lines = [...byLine.values()]
  const unchecked: UncheckedReservation[] = []
  for (let start = 0; start < lines.length; start += limit) {
    unchecked.push(
      ...(await findUnchecked(
        backorderModule,
        lines.slice(start, start + limit).flat()
      ))
    )
  }
  if (!unchecked.length) {
    return []
  }
  const { data: orderItems } = await query.graph({
    entity: "order_item",
    fields: ["order_id", "item_id"],
    filters: { item_id: [...new Set(unchecked.map((u) => u.line_item_id))] },
  })
  // Oldest first, so each order's recording sees the lines placed after it still unchecked.
  const orderIds: string[] = []
  for (const u of unchecked.sort(
    (a, b) => a.reserved_at.getTime() - b.reserved_at.getTime()
  )) {
    const orderId = orderItems.find(
      (i) => i.item_id === u.line_item_id
    )?.order_id
    if (orderId && !orderIds.includes(orderId)) {
      orderIds.push(orderId)
    }
  }
  const recorded: string[] = []
  for (const orderId of orderIds) {
    const { errors } = await recordOrderBackordersWorkflow(container).run({
      input: { order_id: orderId },
      throwOnError: false,
    })
    if (!errors.length) {
      recorded.push(orderId)
    }
  }
  return recorded
}

async function allocateMissedStock(
  container: MedusaContainer
): Promise<string[]> {
  const inventoryModule = container.resolve(Modules.INVENTORY)
  const backorderModule: BackorderModuleService =
    container.resolve(BACKORDER_MODULE)
  const pairs = await backorderModule.listWaitingPairs()
  if (!pairs.length) {
    return []
  }
  const levels = await inventoryModule.listInventoryLevels({
    inventory_item_id: [...new Set(pairs.map((p) => p.inventory_item_id))],
    location_id: [...new Set(pairs.map((p) => p.location_id))],
  })
  const waiting = new Map(pairs.map((p) => [stockPairKey(p), p.waiting]))
  // Units on the shelf and not held by orders, plus those held for waiting backorders.
  const free = levels.filter(
    (level) =>
      waiting.has(stockPairKey(level)) &&
      toNumber(level.stocked_quantity) -
        toNumber(level.reserved_quantity) +
        waiting.get(stockPairKey(level))! >
        0
  )
  const allocated: string[] = []
  for (const level of free) {
    const { result, errors } = await allocateFreeStockWorkflow(container).run({
      input: { inventory_level_ids: [level.id] },
      throwOnError: false,
    })
    if (!errors.length && result.length) {
      allocated.push(level.id)
    }
  }
  return allocated
}
