import { NameIconButtons } from "../../../components/accessible-names"
import { EllipsisHorizontal } from "@medusajs/icons"
import {
  Button,
  Container,
  DropdownMenu,
  Heading,
  IconButton,
  Skeleton,
  toast,
  usePrompt,
} from "@medusajs/ui"
import { toastOutcome } from "../../../lib/toasts"
import { useState } from "react"
import { Link, useParams } from "react-router-dom"
import { PurchaseOrderStatusBadge } from "../../../components/badges"
import { DetailRow } from "../../../components/section-states"
import { CompleteDrawer } from "../../../components/purchase-order/complete-drawer"
import {
  EditDrawer,
  SendDrawer,
} from "../../../components/purchase-order/edit-drawer"
import {
  BackordersSection,
  LedgerSection,
  ReceiptsSection,
  RelatedSection,
} from "../../../components/purchase-order/history-sections"
import { LinesSection } from "../../../components/purchase-order/lines-section"
import { ReceiveDrawer } from "../../../components/purchase-order/receive-drawer"
import { useRequestStock } from "../../../hooks/backorders"
import { useStockLocationOptions } from "../../../hooks/lookups"
import {
  useCancelPurchaseOrder,
  usePurchaseOrder,
  usePurchaseOrderDocument,
  usePurchaseOrders,
} from "../../../hooks/purchase-orders"
import { useSupplier } from "../../../hooks/suppliers"
import {
  DispatchesSection,
  SendToSupplierDrawer,
} from "../../../components/purchase-order/supplier-sending"
import { errorMessage, formatDate } from "../../../lib/format"
import { RequirePermission } from "../../../components/access-denied"
import { usePermissions } from "../../../hooks/permissions"

type Panel = "receive" | "complete" | "edit" | "send" | "email" | null

const PurchaseOrderDetailPage = () => (
  <RequirePermission permission="purchase_order:read">
    <PurchaseOrderDetail />
  </RequirePermission>
)

const PurchaseOrderDetail = () => {
  const { id } = useParams()
  const { can, isLoading: permissionsLoading } = usePermissions()
  const { data, isLoading, isError, error } = usePurchaseOrder(id!)
  const { data: locations } = useStockLocationOptions()
  const [panel, setPanel] = useState<Panel>(null)
  const cancel = useCancelPurchaseOrder(id!)
  const requestStock = useRequestStock()
  const document = usePurchaseOrderDocument(id!)
  const supplierId = data?.purchase_order.supplier_id
  const parentId = data?.purchase_order.parent_id
  const { data: parent } = usePurchaseOrders(
    { id: parentId ?? "" },
    { enabled: !!parentId, keepPrevious: false }
  )
  const { data: supplierData } = useSupplier(supplierId ?? "", {
    enabled: !!supplierId && can("supplier:read"),
  })
  const prompt = usePrompt()

  if (isError) {
    throw error
  }
  // The actions wait for the user's permissions too, so an open menu is never re-drawn.
  if (isLoading || !data || permissionsLoading) {
    return (
      <Container className="flex flex-col gap-y-3">
        <Skeleton className="h-7 w-40" />
        <Skeleton className="h-24 w-full" />
      </Container>
    )
  }
  const po = data.purchase_order
  const isOpen = po.status === "ordered" || po.status === "partially_received"
  // What the purchase order's state allows and the user's role grants (Medusa RBAC).
  const canReceive = isOpen && can("purchase_order:receive")
  const canComplete =
    (isOpen || po.status === "received") && can("purchase_order:complete")
  const canCancel =
    (po.status === "draft" || po.status === "ordered") &&
    can("purchase_order:cancel")
  const canSend = can("purchase_order:send")

  const onCancel = async () => {
    const confirmed = await prompt({
      title: `Cancel ${po.number}?`,
      description:
        "Incoming stock is lowered and its backorders go back to waiting for a purchase order.",
      confirmText: "Cancel purchase order",
      cancelText: "Keep it",
    })
    if (confirmed) {
      cancel.mutate({}, toastOutcome(`Cancelled ${po.number}`))
    }
  }

  const destination = po.is_dropship
    ? `Dropship to ${[po.dropship_address?.address_1, po.dropship_address?.city].filter(Boolean).join(", ")}`
    : (locations?.stock_locations.find((l) => l.id === po.location_id)?.name ??
      po.location_id)

  return (
    <NameIconButtons>
      <div className="flex flex-col gap-y-3">
        <Container className="divide-y p-0">
          <div className="flex items-center justify-between px-6 py-4">
            <div className="flex items-center gap-x-3">
              <Heading data-testid="po-number">{po.number}</Heading>
              <span data-testid="po-status">
                <PurchaseOrderStatusBadge status={po.status} />
              </span>
            </div>
            <div className="flex items-center gap-x-2">
              {po.status === "draft" &&
                !po.is_dropship &&
                can("purchase_order:create") && (
                  <Button
                    size="small"
                    variant="secondary"
                    isLoading={requestStock.isPending}
                    onClick={() =>
                      requestStock.mutate(
                        {
                          all_open_backorders_of_supplier: true,
                          supplier_id: po.supplier_id,
                          purchase_order_id: po.id,
                          location_id: po.location_id ?? undefined,
                        },
                        toastOutcome(
                          `Added the open backorders of ${po.supplier?.name ?? "the supplier"}`
                        )
                      )
                    }
                  >
                    Add open backorders
                  </Button>
                )}
              {po.status === "draft" && canSend && (
                <Button size="small" onClick={() => setPanel("send")}>
                  Mark as ordered
                </Button>
              )}
              {canReceive && (
                <Button size="small" onClick={() => setPanel("receive")}>
                  Receive
                </Button>
              )}
              {canComplete && (
                <Button
                  size="small"
                  variant="secondary"
                  onClick={() => setPanel("complete")}
                >
                  Complete
                </Button>
              )}
              <DropdownMenu>
                <DropdownMenu.Trigger asChild>
                  <IconButton
                    size="small"
                    variant="transparent"
                    aria-label="More actions"
                  >
                    <EllipsisHorizontal />
                  </IconButton>
                </DropdownMenu.Trigger>
                <DropdownMenu.Content>
                  {can("purchase_order:update") && (
                    <DropdownMenu.Item onClick={() => setPanel("edit")}>
                      Edit
                    </DropdownMenu.Item>
                  )}
                  <DropdownMenu.Item
                    onClick={() =>
                      document.mutate(undefined, {
                        onSuccess: ({ file }) =>
                          window.open(file.url, "_blank", "noopener"),
                        onError: (e) => toast.error(errorMessage(e)),
                      })
                    }
                  >
                    Download PDF
                  </DropdownMenu.Item>
                  {po.status !== "cancelled" && canSend && (
                    <DropdownMenu.Item onClick={() => setPanel("email")}>
                      Email to supplier
                    </DropdownMenu.Item>
                  )}
                  {canCancel && (
                    <>
                      <DropdownMenu.Separator />
                      <DropdownMenu.Item onClick={onCancel}>
                        Cancel purchase order
                      </DropdownMenu.Item>
                    </>
                  )}
                </DropdownMenu.Content>
              </DropdownMenu>
            </div>
          </div>
          {(
            [
              ["Supplier", po.supplier?.name ?? po.supplier_id],
              ["Deliver to", destination],
              ["Expected", formatDate(po.expected_at)],
              ["Ordered", formatDate(po.ordered_at)],
              ["Received", formatDate(po.received_at)],
              ["Supplier reference", po.supplier_reference ?? "-"],
              ["Notes", po.notes ?? "-"],
            ] as const
          ).map(([label, value]) => (
            <DetailRow key={label} label={label}>
              {value ?? "-"}
            </DetailRow>
          ))}
          {po.parent_id && (
            <DetailRow label="Follow-up of">
              <Link
                className="text-ui-fg-base txt-compact-small underline underline-offset-2"
                to={`/purchase-orders/${po.parent_id}`}
                data-testid="po-follow-up-of"
              >
                {parent?.purchase_orders[0]?.number ?? "…"}
              </Link>
            </DetailRow>
          )}
        </Container>
        <LinesSection
          purchaseOrder={po}
          editable={can("purchase_order:update")}
        />
        <BackordersSection purchaseOrder={po} />
        <ReceiptsSection purchaseOrder={po} />
        <LedgerSection purchaseOrder={po} />
        <DispatchesSection purchaseOrder={po} />
        <RelatedSection purchaseOrder={po} />

        <ReceiveDrawer
          purchaseOrder={po}
          open={panel === "receive"}
          onOpenChange={(o) => !o && setPanel(null)}
        />
        <CompleteDrawer
          purchaseOrder={po}
          open={panel === "complete"}
          onOpenChange={(o) => !o && setPanel(null)}
        />
        <EditDrawer
          purchaseOrder={po}
          open={panel === "edit"}
          onOpenChange={(o) => !o && setPanel(null)}
        />
        <SendDrawer
          purchaseOrder={po}
          open={panel === "send"}
          onOpenChange={(o) => !o && setPanel(null)}
        />
        <SendToSupplierDrawer
          purchaseOrder={po}
          supplierEmail={supplierData?.supplier.email ?? null}
          open={panel === "email"}
          onOpenChange={(o) => !o && setPanel(null)}
        />
      </div>
    </NameIconButtons>
  )
}

/** The breadcrumb reads the number from the query cache, as core's detail pages do. */
const PurchaseOrderBreadcrumb = ({ params }: { params: { id?: string } }) => {
  const { data } = usePurchaseOrder(params.id!)
  return <span>{data?.purchase_order.number ?? "Purchase order"}</span>
}

export const handle = {
  permissions: "purchase_order:read",
  breadcrumb: (match: { params: { id?: string } }) => (
    <PurchaseOrderBreadcrumb {...match} />
  ),
}

export default PurchaseOrderDetailPage
