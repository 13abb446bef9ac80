import {
  ContainerRegistrationKeys,
  MedusaError,
  Modules,
} from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BACKORDER_MODULE } from "../../../modules/backorder"
import BackorderModuleService from "../../../modules/backorder/service"
import { toCsv } from "../utils/csv"
import { toNumber } from "../../shared/money"
import { waitingQuantity } from "../../../modules/backorder/utils/status"

/** At most this many backorders go into one export (narrow the filters for more). */
export const MAX_EXPORTED_BACKORDERS = 100_000

const DEFAULT_PAGE = 1000

export type BackorderExport = {
  id: string
  url: string
  filename: string
  count: number
}

export const writeBackorderExportStepId = "write-backorder-export"

/**
 * This step writes the backorders matching the list's filters to a CSV file (the columns
 * staff see on the list, what a merchant sends a supplier or opens in a spreadsheet) and
 * stores it through Medusa's File module. Its compensation deletes the file.
 */
export const writeBackorderExportStep = createStep(
  writeBackorderExportStepId,
  async (
    input: {
      filters: Record<string, unknown>
      order?: Record<string, string>
      /** Rows read at a time (1,000 by default). */
      page_size?: number
    },
    { container }
  ) => {
    const page = input.page_size ?? DEFAULT_PAGE
    if (!Number.isInteger(page) || page < 1) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `The export's page size must be a whole number of at least 1, got ${page}`
      )
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
    // The ids first, in one sorted read: one snapshot of the table, in the list's order with
    // ties broken by id as the list breaks them. Paging the sort itself with offsets repeated
    // or skipped rows at page boundaries when the order left ties (rows recorded in one
    // transaction share their created_at; many share a status), and when rows were recorded
    // or changed between two pages.
    const ordered = await service.listBackorders(input.filters, {
      select: ["id"],
      take: MAX_EXPORTED_BACKORDERS,
      order: { ...(input.order ?? { created_at: "DESC" }), id: "DESC" },
    })
    const rows: Record<string, any>[] = []
    for (let start = 0; start < ordered.length; start += page) {
      const ids = ordered.slice(start, start + page).map((b) => b.id)
      const { data } = await query.graph({
        entity: "backorder",
        fields: [
          "id",
          "status",
          "source",
          "order_id",
          "order.display_id",
          "customer.email",
          "customer.first_name",
          "customer.last_name",
          "sku",
          "title",
          "quantity",
          "allocated_quantity",
          "fulfilled_quantity",
          "cancelled_quantity",
          "location_id",
          "supplier_id",
          "payment_policy",
          "paid_amount",
          "currency_code",
          "promised_at",
          "created_at",
        ],
        filters: { id: ids },
      })
      // In the order of the ids (a backorder deleted since the first read is left out).
      const position = new Map(ids.map((id, i) => [id, i]))
      rows.push(
        ...[...data].sort((a, b) => position.get(a.id)! - position.get(b.id)!)
      )
    }
    const supplierIds = [
      ...new Set(rows.map((r) => r.supplier_id).filter(Boolean)),
    ] as string[]
    const suppliers = supplierIds.length
      ? await service.listSuppliers(
          { id: supplierIds },
          { select: ["id", "name"] }
        )
      : []
    const supplierName = new Map(suppliers.map((s) => [s.id, s.name]))
    const csv = toCsv(
      [
        "Backorder",
        "Status",
        "Source",
        "Order",
        "Customer",
        "Email",
        "SKU",
        "Item",
        "Quantity",
        "Allocated",
        "Fulfilled",
        "Cancelled",
        "Waiting",
        "Supplier",
        "Location",
        "Payment policy",
        "Paid",
        "Currency",
        "Promised",
        "Created",
      ],
      rows.map((r) => [
        r.id,
        r.status,
        r.source,
        r.order?.display_id ? `#${r.order.display_id}` : r.order_id,
        [r.customer?.first_name, r.customer?.last_name]
          .filter(Boolean)
          .join(" "),
        r.customer?.email ?? "",
        r.sku,
        r.title,
        toNumber(r.quantity),
        toNumber(r.allocated_quantity),
        toNumber(r.fulfilled_quantity),
        toNumber(r.cancelled_quantity),
        waitingQuantity({
          quantity: r.quantity,
          allocated_quantity: r.allocated_quantity,
          cancelled_quantity: r.cancelled_quantity,
        }),
        r.supplier_id ? (supplierName.get(r.supplier_id) ?? r.supplier_id) : "",
        r.location_id,
        r.payment_policy,
        toNumber(r.paid_amount),
        r.currency_code?.toUpperCase() ?? "",
        r.promised_at ? new Date(r.promised_at) : null,
        new Date(r.created_at),
      ])
    )
    const filename = `backorders-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-")}.csv`
    const [file] = await container.resolve(Modules.FILE).createFiles([
      {
        filename,
        mimeType: "text/csv",
        content: Buffer.from(csv, "utf8").toString("base64"),
        access: "private",
      },
    ])
    // A private file's address to download it (presigned where the provider signs them).
    const { url } = await container.resolve(Modules.FILE).retrieveFile(file.id)
    const result: BackorderExport = {
      id: file.id,
      url,
      filename,
      count: rows.length,
    }
    return new StepResponse(result, file.id)
  },
  async (fileId, { container }) => {
    if (!fileId) {
      return
    }
    await container.resolve(Modules.FILE).deleteFiles([fileId])
  }
)
