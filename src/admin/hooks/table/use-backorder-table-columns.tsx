import { createDataTableColumnHelper, StatusBadge } from "@medusajs/ui"
import { useMemo } from "react"
import { Link, useNavigate } from "react-router-dom"
import {
  BackorderStatus,
  OPEN_BACKORDER_STATUSES,
  PurchaseOrderStatus,
  TransferStatus,
  WAITING_BACKORDER_STATUSES,
} from "../../../types/enums"
import { BackorderStatusBadge } from "../../components/badges"
import {
  TransferNote,
  TransferNotes,
} from "../../components/transfer/transfers-in-transit"
import {
  ageInDays,
  backorderCustomerName,
  formatDate,
  orderPayment,
  PAYMENT_POLICY_LABEL,
} from "../../lib/format"
import type { Backorder } from "../../lib/types"
import type { BackorderPolicyKey } from "../../../types/policies"

const columnHelper = createDataTableColumnHelper<Backorder>()

const linkClass =
  "text-ui-fg-base txt-compact-small-plus underline-offset-2 hover:underline"

/** The purchase order a backorder is on, if any: the last one it was linked to. */
export const purchaseOrderOf = (backorder: Backorder) =>
  [...(backorder.purchase_order_lines ?? [])]
    .map((link) => link.purchase_order_line?.purchase_order)
    .filter(Boolean)
    .pop() ?? null

/** What a row's menu opens; the page owns the drawers. */
export type BackorderRowActions = {
  requestStock: (backorder: Backorder) => void
  fulfil: (backorder: Backorder) => void
  release: (backorder: Backorder) => void
  cancel: (backorder: Backorder) => void
}

/**
 * The columns of the backorder list, its row menu included (as Medusa's dashboard builds
 * its tables: `use-<x>-table-columns`).
 */
export function useBackorderTableColumns({
  transferNotes,
  can,
  actions,
}: {
  transferNotes: Map<string, TransferNote[]>
  can: (policy: BackorderPolicyKey) => boolean
  actions: BackorderRowActions
}) {
  const navigate = useNavigate()
  return useMemo(
    () => [
      columnHelper.select(),
      columnHelper.accessor("status", {
        header: "Status",
        cell: ({ row }) => {
          const b = row.original
          // A new backorder on a draft purchase order or transfer: requested, not sent.
          const requested =
            b.status === BackorderStatus.NEW &&
            (purchaseOrderOf(b)?.status === PurchaseOrderStatus.DRAFT ||
              !!transferNotes
                .get(b.id)
                ?.some((note) => note.status === TransferStatus.DRAFT))
          return requested ? (
            <StatusBadge color="grey">Requested</StatusBadge>
          ) : (
            <BackorderStatusBadge status={b.status} />
          )
        },
      }),
      columnHelper.accessor("customer", {
        header: "Customer",
        cell: ({ row }) => (
          <div className="flex flex-col">
            <span>{backorderCustomerName(row.original)}</span>
            <span className="text-ui-fg-muted txt-compact-small">
              {row.original.customer?.email}
            </span>
          </div>
        ),
      }),
      columnHelper.accessor("order", {
        header: "Order",
        cell: ({ row }) =>
          row.original.order ? (
            <Link
              to={`/orders/${row.original.order_id}`}
              className={linkClass}
              onClick={(e) => e.stopPropagation()}
            >
              #{row.original.order.display_id}
            </Link>
          ) : (
            "-"
          ),
      }),
      columnHelper.accessor("sku", {
        header: "Variant",
        cell: ({ row }) => (
          <div className="flex flex-col">
            <span>{row.original.title}</span>
            <span className="text-ui-fg-muted txt-compact-small">
              {row.original.sku}
            </span>
          </div>
        ),
      }),
      columnHelper.accessor("quantity", {
        header: "Short / allocated",
        headerAlign: "right",
        cell: ({ row }) => (
          <div className="text-right tabular-nums">
            {Number(row.original.quantity) -
              Number(row.original.cancelled_quantity)}{" "}
            / {row.original.allocated_quantity}
          </div>
        ),
      }),
      columnHelper.accessor("created_at", {
        header: "Age",
        enableSorting: true,
        sortAscLabel: "Newest first",
        sortDescLabel: "Oldest first",
        cell: ({ getValue }) => `${ageInDays(getValue())} d`,
      }),
      columnHelper.accessor("promised_at", {
        header: "Promised",
        enableSorting: true,
        cell: ({ row }) => {
          const late =
            row.original.promised_at &&
            WAITING_BACKORDER_STATUSES.includes(row.original.status) &&
            new Date(row.original.promised_at) < new Date()
          return (
            <span className={late ? "text-ui-fg-error" : undefined}>
              {formatDate(row.original.promised_at)}
              {late ? " (late)" : ""}
            </span>
          )
        },
      }),
      columnHelper.accessor("payment_policy", {
        header: "Payment",
        cell: ({ row }) => {
          const b = row.original
          const payment = orderPayment(
            b.order?.payment_collections,
            b.currency_code
          )
          return (
            <div className="flex flex-col" data-testid="backorder-payment">
              <span>{payment?.label ?? "-"}</span>
              {payment && (
                <span className="text-ui-fg-muted txt-compact-small">
                  {payment.detail}
                </span>
              )}
              {b.payment_policy && b.source !== "storefront" && (
                <span className="text-ui-fg-muted txt-compact-small">
                  {PAYMENT_POLICY_LABEL[b.payment_policy]}
                </span>
              )}
            </div>
          )
        },
      }),
      columnHelper.display({
        id: "purchase_order",
        header: "PO",
        cell: ({ row }) => {
          const po = purchaseOrderOf(row.original)
          const transfers = transferNotes.get(row.original.id)
          return po ? (
            <div className="flex flex-col">
              <Link
                to={`/purchase-orders/${po.id}`}
                className={linkClass}
                onClick={(e) => e.stopPropagation()}
              >
                {po.number}
              </Link>
              <TransferNotes notes={transfers} />
            </div>
          ) : transfers ? (
            <TransferNotes notes={transfers} />
          ) : (
            "-"
          )
        },
      }),
      columnHelper.action({
        actions: ({ row }) => {
          const b = row.original
          const po = purchaseOrderOf(b)
          const stage = [
            ...(b.status === BackorderStatus.NEW && can("purchase_order:create")
              ? [
                  {
                    label: "Request stock",
                    onClick: () => actions.requestStock(b),
                  },
                ]
              : []),
            ...(po
              ? [
                  {
                    label: "View PO",
                    onClick: () => navigate(`/purchase-orders/${po.id}`),
                  },
                ]
              : []),
            ...(Number(b.allocated_quantity) > Number(b.fulfilled_quantity)
              ? [
                  ...(can("backorder:update")
                    ? [{ label: "Fulfil", onClick: () => actions.fulfil(b) }]
                    : []),
                  ...(can("backorder:release")
                    ? [
                        {
                          label: "Give to another customer",
                          onClick: () => actions.release(b),
                        },
                      ]
                    : []),
                ]
              : []),
            {
              label: "View order",
              onClick: () => navigate(`/orders/${b.order_id}`),
            },
          ]
          return OPEN_BACKORDER_STATUSES.includes(b.status) &&
            can("backorder:cancel")
            ? [stage, [{ label: "Cancel", onClick: () => actions.cancel(b) }]]
            : [stage]
        },
      }),
    ],
    [navigate, transferNotes, can, actions]
  )
}
