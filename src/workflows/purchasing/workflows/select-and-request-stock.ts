import {
  createWorkflow,
  transform,
  when,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { RequestStockInput } from "../../../types/purchasing"
import { describeStockRequestStep } from "../steps/describe-stock-request"
import { selectBackordersToOrderStep } from "../steps/select-backorders-to-order"
import {
  SkippedBackorder,
  StockRequestPreview,
} from "../utils/stock-request-selection"
import { previewStockRequestWorkflow } from "./preview-stock-request"
import { requestStockWorkflow } from "./request-stock"

export const selectAndRequestStockWorkflowId = "select-and-request-stock"

export type SelectAndRequestStockInput = RequestStockInput & {
  /** Every new backorder of `supplier_id` not on order yet (SaleDock's bulk action). */
  all_open_backorders_of_supplier?: boolean
  /** Leave out backorders that cannot be ordered and answer them in `skipped`. */
  skip_unavailable?: boolean
  /** Describe what would be created or added to, changing nothing. */
  preview?: boolean
}

export type SelectAndRequestStockResult = {
  /** The purchase orders created or added to; empty for a preview. */
  purchase_order_ids: string[]
  /** With `preview`: what would be created or added to. */
  preview: StockRequestPreview | null
  /** With `skip_unavailable`: the backorders left out and why. */
  skipped: SkippedBackorder[] | null
}

/**
 * This workflow is the admin's "Request stock": it chooses the backorders (the ones given,
 * or every open one of a supplier; with `skip_unavailable` those that cannot be ordered are
 * left out and said why), then runs `requestStockWorkflow` with them, or with `preview`
 * describes what `previewStockRequestWorkflow` plans, changing nothing. When skipping leaves
 * nothing, nothing is requested.
 *
 * @example
 * const { result } = await selectAndRequestStockWorkflow(container).run({
 *   input: { supplier_id: "sup_1", all_open_backorders_of_supplier: true, skip_unavailable: true },
 * })
 */
export const selectAndRequestStockWorkflow = createWorkflow(
  selectAndRequestStockWorkflowId,
  (input: WorkflowData<SelectAndRequestStockInput>) => {
    const selection = selectBackordersToOrderStep(input)
    const request = transform(
      { input, selection },
      ({ input, selection }): RequestStockInput & { go: boolean } => {
        const {
          all_open_backorders_of_supplier: _all,
          skip_unavailable: _skip,
          preview: _preview,
          ...rest
        } = input
        return {
          ...rest,
          backorder_ids: selection.backorder_ids,
          // Skipping that leaves nothing requests nothing.
          go: !(selection.skipped && !selection.backorder_ids.length),
        }
      }
    )
    const requestInput = transform({ request }, ({ request }) => {
      const { go: _go, ...rest } = request
      return rest
    })

    const created = when(
      "request-selected-stock",
      { input, request },
      ({ input, request }) => !input.preview && request.go
    ).then(() => requestStockWorkflow.runAsStep({ input: requestInput }))

    const described = when(
      "preview-selected-stock",
      { input, request },
      ({ input, request }) => !!input.preview && request.go
    ).then(() =>
      describeStockRequestStep(
        previewStockRequestWorkflow.runAsStep({ input: requestInput })
      )
    )

    return new WorkflowResponse(
      transform(
        { input, selection, created, described },
        ({
          input,
          selection,
          created,
          described,
        }): SelectAndRequestStockResult => ({
          purchase_order_ids: created ?? [],
          preview: input.preview ? (described ?? []) : null,
          skipped: selection.skipped,
        })
      )
    )
  }
)
