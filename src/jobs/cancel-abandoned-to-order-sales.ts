import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { BACKORDER_MODULE } from "../modules/backorder"
import BackorderModuleService from "../modules/backorder/service"
import { ToOrderSaleAttemptStatus } from "../types/enums"
import { cancelToOrderSaleAttemptWorkflow } from "../workflows/backorders/workflows/cancel-to-order-sale-attempt"
import { isUnlocked, toOrderSaleLockKey } from "../workflows/shared/locking"

/**
 * A sale is being made while its process holds (and renews) the sale's lock: a pending try
 * whose lock is free was abandoned (its process died and the lease ran out). Tries younger
 * than this are left alone, so the moment between recording a try and taking its lock is
 * never mistaken for a crash.
 */
export const ABANDONED_TO_ORDER_SALE_GRACE_SECONDS = 30

/** How many abandoned sales one run cleans up; the next run takes the rest. */
const BATCH_SIZE = 100

/**
 * Finds the tries at a to-order sale left pending by a process that died (no live process
 * holds the sale's lock) and cancels what each left
 * behind: the order, its reservations, payments and backorders. Each try is claimed by one
 * run only, so runs on several instances, or twice, clean up once. Answers the tries it
 * cancelled.
 */
export async function cancelAbandonedToOrderSales(
  container: MedusaContainer,
  now: Date = new Date()
): Promise<string[]> {
  const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const startedBefore = new Date(
    now.getTime() - ABANDONED_TO_ORDER_SALE_GRACE_SECONDS * 1000
  )
  const abandoned = await service.listToOrderSaleAttempts(
    {
      status: ToOrderSaleAttemptStatus.PENDING,
      started_at: { $lt: startedBefore },
    },
    { select: ["id"], take: BATCH_SIZE, order: { started_at: "ASC" } }
  )
  const cancelled: string[] = []
  for (const { id } of abandoned) {
    if (!(await isUnlocked(container, [toOrderSaleLockKey(id)]))) {
      // Still being made by a live process.
      continue
    }
    try {
      const { result } = await cancelToOrderSaleAttemptWorkflow(container).run({
        input: {
          attempt_id: id,
          reason:
            "Abandoned: the process making it stopped before it was finished",
          started_before: startedBefore,
        },
      })
      if (result) {
        cancelled.push(id)
      }
    } catch (error) {
      // Left pending: the next run tries again.
      logger.error(
        `Abandoned to-order sale attempt ${id} could not be cancelled: ${(error as Error).message}`
      )
    }
  }
  if (cancelled.length) {
    logger.info(
      `Cancelled ${cancelled.length} abandoned to-order sale(s): ${cancelled.join(", ")}`
    )
  }
  return cancelled
}

/**
 * Every minute, on the worker: cancels to-order sales that a dying process left half
 * made, so no order without its reservation, payment or backorders stays behind.
 */
export default async function cancelAbandonedToOrderSalesJob(
  container: MedusaContainer
) {
  const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
  if (!service.getOptions().scheduledJobs) {
    return
  }
  await cancelAbandonedToOrderSales(container)
}

export const config = {
  name: "backorders-cancel-abandoned-to-order-sales",
  schedule: "* * * * *",
}
