import { MedusaContainer } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  MedusaError,
  Modules,
} from "@medusajs/framework/utils"
import { capturePaymentWorkflow } from "@medusajs/medusa/core-flows"
import { BACKORDER_MODULE } from "../../../modules/backorder"
import BackorderModuleService from "../../../modules/backorder/service"
import { WAITING_BACKORDER_STATUSES } from "../../../types/enums"
import { BackorderEvents } from "../../../types/events"
import { toNumber } from "../../shared/money"
import { withLock } from "../../shared/locking"
import { refundBackorderBalanceWorkflow } from "../workflows/refund-backorder-balance"
import {
  BackorderUpdate,
  PackedUnitsPlan,
  PackableBackorder,
  planPackedUnits,
  planUnpackedUnits,
} from "./packed-units"

/** A Medusa fulfilment as its workflows hand it to their hooks. */
export type PackedFulfillment = {
  id: string
  created_by?: string | null
  items?: ({ line_item_id?: string | null; quantity: unknown } | null)[] | null
}

export type PackedUnitsUndo = {
  previous: BackorderUpdate[]
  capture: { payment_id: string; amount: number } | null
  event_group_id?: string
} | null

/**
 * Records what a Medusa fulfilment packed on the order's backorders and captures the balance
 * due for it through Medusa's capture workflow, inside Medusa's fulfilment workflow (so it
 * rolls back with it). The plugin's own fulfil defers the capture to a step of its own that
 * runs after Medusa's fulfilment: Medusa reverts a rolled-back fulfilment by dropping the
 * order version it created, with the order summary that counted a capture made inside it. Refuses, and so
 * rolls the fulfilment back, when it packs backordered units that are not allocated yet.
 *
 * Runs after Medusa's fulfilment steps have released their inventory item locks, and takes
 * the same keys itself so that allocation, release and cancellation (which lock on them) do
 * not change the backorders between reading and writing them.
 *
 * An exception to "the workflow takes the locks, steps assume them": this runs inside the
 * handler of Medusa's `fulfillmentCreated` hook, a step of Medusa's own workflow, which gives
 * us no composition to put a lock step into, and the keys (the items of the backorders on the
 * packed lines) are only known from the fulfilment the hook hands over. So it takes its one
 * key set, all at once, with `withLock` around the read and write of the backorders only.
 */
export async function recordPackedUnits(
  container: MedusaContainer,
  fulfillment: PackedFulfillment,
  options: {
    eventGroupId?: string
    /** The caller captures the planned balance itself (after its own later steps). */
    deferCapture?: boolean
  } = {}
): Promise<PackedUnitsUndo> {
  const { eventGroupId, deferCapture } = options
  const packed: Record<string, number> = {}
  for (const item of fulfillment.items ?? []) {
    if (item?.line_item_id) {
      packed[item.line_item_id] =
        (packed[item.line_item_id] ?? 0) + toNumber(item.quantity as number)
    }
  }
  const lineItemIds = Object.keys(packed)
  if (!lineItemIds.length) {
    return null
  }
  const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
  const onLines = await service.listBackorders({ line_item_id: lineItemIds })
  if (!onLines.length) {
    return null
  }
  const orderId = onLines[0].order_id
  const lockKeys = [...new Set(onLines.map((b) => b.inventory_item_id))].sort()

  const plan = await withLock(container, lockKeys, async () => {
    const [backorders, order] = await Promise.all([
      service.listBackorders({ order_id: orderId }),
      retrieveOrder(container, orderId),
    ])
    throwIfUnallocatedPacked(backorders, order, lineItemIds)
    const plan = planPackedUnits({
      fulfillment_id: fulfillment.id,
      packed,
      backorders: backorders as unknown as PackableBackorder[],
      payments: orderPayments(order),
      capture: service.getOptions().captureBalanceOn === "fulfilled",
    })
    if (plan.backorders.length) {
      await service.updateBackorders(plan.backorders.map((b) => b.next))
    }
    return plan
  })
  if (!plan.backorders.length) {
    return null
  }

  let capture: { payment_id: string; amount: number } | null = null
  if (plan.payment_id && plan.capture_amount > 0 && !deferCapture) {
    try {
      await capturePaymentWorkflow(container).run({
        input: {
          payment_id: plan.payment_id,
          amount: plan.capture_amount,
          captured_by: fulfillment.created_by ?? undefined,
        },
      })
    } catch (error) {
      // A failing hook is not compensated: put the backorders back before rethrowing.
      await restoreBackorders(
        container,
        plan.backorders.map((b) => b.previous)
      )
      throw error
    }
    capture = { payment_id: plan.payment_id, amount: plan.capture_amount }
  }

  const eventBus = container.resolve(Modules.EVENT_BUS)
  await eventBus.emit(
    plan.backorders.map((b) => ({
      name: BackorderEvents.FULFILLED,
      data: {
        id: b.id,
        order_id: orderId,
        fulfillment_id: fulfillment.id,
        quantity: b.quantity,
        status: b.next.status,
      },
      // Held with the workflow's other events until it succeeds.
      metadata: eventGroupId ? { eventGroupId } : {},
    }))
  )

  return {
    previous: plan.backorders.map((b) => b.previous),
    capture,
    event_group_id: eventGroupId,
  }
}

/**
 * What packing `packed` (units per order line) would do to the order's backorders and how much
 * it would capture, as `recordPackedUnits` works it out, changing nothing: for the
 * confirmation staff see before they fulfil.
 */
export async function previewPackedUnits(
  container: MedusaContainer,
  orderId: string,
  packed: Record<string, number>
): Promise<PackedUnitsPlan> {
  const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
  const [backorders, order] = await Promise.all([
    service.listBackorders({ order_id: orderId }),
    retrieveOrder(container, orderId),
  ])
  return planPackedUnits({
    fulfillment_id: "preview",
    packed,
    backorders: backorders as unknown as PackableBackorder[],
    payments: orderPayments(order),
    capture: service.getOptions().captureBalanceOn === "fulfilled",
  })
}

/**
 * Undoes `recordPackedUnits` when the fulfilment is rolled back: the captured balance is
 * refunded (with its order transaction, no credit line) and the backorders restored.
 */
export async function undoPackedUnits(
  container: MedusaContainer,
  undo: PackedUnitsUndo | undefined
) {
  if (!undo) {
    return
  }
  if (undo.capture) {
    await refundBackorderBalanceWorkflow(container).run({
      input: {
        payment_id: undo.capture.payment_id,
        amount: undo.capture.amount,
        note: "Backorder fulfilment rolled back",
      },
    })
  }
  if (undo.event_group_id) {
    await container
      .resolve(Modules.EVENT_BUS)
      .clearGroupedEvents(undo.event_group_id, {
        eventNames: [BackorderEvents.FULFILLED],
      })
  }
  await restoreBackorders(container, undo.previous)
}

/**
 * Puts the units a cancelled Medusa fulfilment had packed back to allocated on their
 * backorders. Returns the previous rows, to restore should the cancellation roll back.
 * Like `recordPackedUnits`, it runs in a Medusa hook and takes its lock itself.
 */
export async function unpackCanceledFulfilment(
  container: MedusaContainer,
  fulfillment: PackedFulfillment
): Promise<BackorderUpdate[]> {
  const lineItemIds = [
    ...new Set(
      (fulfillment.items ?? [])
        .map((item) => item?.line_item_id)
        .filter((id): id is string => !!id)
    ),
  ]
  if (!lineItemIds.length) {
    return []
  }
  const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
  const onLines = await service.listBackorders({ line_item_id: lineItemIds })
  if (!onLines.length) {
    return []
  }
  const lockKeys = [...new Set(onLines.map((b) => b.inventory_item_id))].sort()
  return await withLock(container, lockKeys, async () => {
    const backorders = await service.listBackorders({
      line_item_id: lineItemIds,
    })
    const changes = planUnpackedUnits({
      fulfillment_id: fulfillment.id,
      backorders: backorders as unknown as PackableBackorder[],
    })
    if (changes.length) {
      await service.updateBackorders(changes.map((c) => c.next))
    }
    return changes.map((c) => c.previous)
  })
}

export async function restoreBackorders(
  container: MedusaContainer,
  previous: BackorderUpdate[] | undefined
) {
  if (!previous?.length) {
    return
  }
  const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
  await service.updateBackorders(previous)
}

type OrderForPacking = {
  id: string
  items?: ({
    id: string
    quantity: unknown
    detail?: { fulfilled_quantity: unknown } | null
  } | null)[]
  payment_collections?: ({
    payments?: ({
      id: string
      amount: unknown
      canceled_at?: unknown
      captures?: ({ amount: unknown } | null)[] | null
    } | null)[]
  } | null)[]
}

async function retrieveOrder(
  container: MedusaContainer,
  orderId: string
): Promise<OrderForPacking> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    // Asking for a total makes the order module load the items' quantities.
    fields: [
      "id",
      "total",
      "items.id",
      "items.quantity",
      "items.detail.fulfilled_quantity",
      "payment_collections.payments.id",
      "payment_collections.payments.amount",
      "payment_collections.payments.canceled_at",
      "payment_collections.payments.captures.amount",
    ],
    filters: { id: orderId },
  })
  return data[0] as unknown as OrderForPacking
}

function orderPayments(order: OrderForPacking) {
  return (order.payment_collections ?? [])
    .flatMap((c) => c?.payments ?? [])
    .filter((p): p is NonNullable<typeof p> => !!p && !p.canceled_at)
    .map((p) => ({
      id: p.id,
      amount: toNumber(p.amount as number),
      captured: (p.captures ?? []).reduce(
        (sum, c) => sum + toNumber(c?.amount as number),
        0
      ),
    }))
}

/**
 * Medusa's fulfilment must not pack units that were sold without stock and have not been
 * allocated yet: that would take them off a shelf they are not on and drive
 * `stocked_quantity` below zero.
 */
function throwIfUnallocatedPacked(
  backorders: {
    id: string
    line_item_id: string
    status: string
    quantity: unknown
    allocated_quantity: unknown
    cancelled_quantity: unknown
  }[],
  order: OrderForPacking,
  lineItemIds: string[]
) {
  for (const backorder of backorders) {
    if (
      !lineItemIds.includes(backorder.line_item_id) ||
      !(WAITING_BACKORDER_STATUSES as string[]).includes(backorder.status)
    ) {
      continue
    }
    const item = (order.items ?? []).find(
      (i) => i?.id === backorder.line_item_id
    )
    if (!item) {
      continue
    }
    const waiting =
      toNumber(backorder.quantity as number) -
      toNumber(backorder.allocated_quantity as number) -
      toNumber(backorder.cancelled_quantity as number)
    const allowed = toNumber(item.quantity as number) - waiting
    const fulfilled = toNumber(item.detail?.fulfilled_quantity as number)
    if (fulfilled > allowed) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Order line ${item.id}: ${waiting} of its units are backordered and not allocated yet (backorder ${backorder.id}); at most ${allowed} can be fulfilled, not ${fulfilled}`
      )
    }
  }
}

/**
 * `additional_data` key of Medusa's fulfilment input by which the plugin's fulfil tells the
 * reconciliation that it captures the balance itself.
 */
export const BACKORDER_CAPTURE = "backorder_capture"
export const BackorderCapture = { DEFERRED: "deferred" } as const
