import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { RequestStockInput } from "../../../types/purchasing"
import {
  planPurchaseOrders,
  StockRequestData,
} from "../utils/plan-purchase-orders"

export const planPurchaseOrdersStepId = "plan-purchase-orders"

export type PlanPurchaseOrdersStepInput = {
  input: RequestStockInput
  /** What `loadStockRequestStep` read. */
  data: StockRequestData
}

/**
 * This step works out the purchase orders for a stock request from what
 * `loadStockRequestStep` read, changing nothing (see `planPurchaseOrders` for the rules:
 * supplier choice, grouping, merging into an open draft, rounding to the supplier's terms,
 * dropship). It refuses what the rules refuse, with a `MedusaError`.
 */
export const planPurchaseOrdersStep = createStep(
  planPurchaseOrdersStepId,
  async ({ input, data }: PlanPurchaseOrdersStepInput) =>
    new StepResponse(planPurchaseOrders(input, data, new Date()))
)
