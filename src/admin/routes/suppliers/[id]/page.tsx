import { PencilSquare, Trash } from "@medusajs/icons"
import {
  Button,
  Container,
  Heading,
  IconButton,
  Skeleton,
  StatusBadge,
  Table,
  usePrompt,
} from "@medusajs/ui"
import {
  SectionSkeleton,
  SectionMessage,
} from "../../../components/section-states"
import { toastOutcome } from "../../../lib/toasts"
import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { useParams } from "react-router-dom"
import { DetailRow } from "../../../components/section-states"
import { SupplierFormDrawer } from "../../../components/supplier-form"
import { SupplierVariantDrawer } from "../../../components/supplier-variant-drawer"
import {
  useDeleteSupplierVariant,
  useSupplier,
  useSupplierVariants,
} from "../../../hooks/suppliers"
import { sdk } from "../../../lib/sdk"
import { formatCount, formatMoney } from "../../../lib/format"
import { useStoreCurrencies } from "../../../hooks/lookups"
import type { SupplierVariant } from "../../../lib/types"
import { RequirePermission } from "../../../components/access-denied"
import { usePermissions } from "../../../hooks/permissions"

const SupplierDetailPage = () => {
  const { id } = useParams()
  const { data, isLoading, isError, error } = useSupplier(id!)
  const [editing, setEditing] = useState(false)
  const { can } = usePermissions()
  if (isError) {
    throw error
  }
  if (isLoading || !data) {
    return (
      <Container>
        <Skeleton className="h-24 w-full" />
      </Container>
    )
  }
  const supplier = data.supplier
  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="flex items-center justify-between px-6 py-4">
          <Heading>{supplier.name}</Heading>
          {can("supplier:update") && (
            <Button
              size="small"
              variant="secondary"
              onClick={() => setEditing(true)}
            >
              Edit
            </Button>
          )}
        </div>
        {(
          [
            ["Code", supplier.code],
            ["Email", supplier.email],
            ["Phone", supplier.phone],
            ["Contact", supplier.contact_name],
            ["Currency", supplier.currency_code?.toUpperCase()],
            [
              "Lead time",
              supplier.default_lead_time_days === null
                ? null
                : formatCount(supplier.default_lead_time_days, "day"),
            ],
            ["Notes", supplier.notes],
          ] as const
        ).map(([label, value]) => (
          <DetailRow key={label} label={label}>
            {value ?? "-"}
          </DetailRow>
        ))}
      </Container>
      <TermsSection
        supplierId={supplier.id}
        currency={supplier.currency_code}
      />
      <SupplierFormDrawer
        supplier={supplier}
        open={editing}
        onOpenChange={setEditing}
      />
    </div>
  )
}

/** The variants this supplier sells, with price, lead time, MOQ, case pack and preference. */
const TermsSection = ({
  supplierId,
  currency,
}: {
  supplierId: string
  currency: string | null
}) => {
  const { data, isLoading, isError, error } = useSupplierVariants(supplierId)
  // A supplier without a currency bills in the store's default one.
  const { defaultCurrency } = useStoreCurrencies()
  const [editing, setEditing] = useState<SupplierVariant | null | "new">(null)
  const remove = useDeleteSupplierVariant(supplierId)
  const { can } = usePermissions()
  const canUpdate = can("supplier:update")
  const prompt = usePrompt()
  const variantIds = (data?.supplier_variants ?? []).map((t) => t.variant_id)
  const { data: variants } = useQuery({
    queryKey: ["backorders-plugin", "lookup", "variants-by-id", variantIds],
    queryFn: () =>
      sdk.admin.productVariant.list({
        id: variantIds,
        limit: variantIds.length,
        fields: "id,title,sku,product.title",
      }),
    enabled: variantIds.length > 0,
  })
  if (isError) {
    throw error
  }
  const variant = (id: string) => variants?.variants.find((v) => v.id === id)

  const onDelete = async (terms: SupplierVariant) => {
    if (
      await prompt({
        title: "Remove this variant?",
        description: "The supplier's terms for it are deleted.",
        confirmText: "Remove",
        cancelText: "Keep",
      })
    ) {
      remove.mutate(terms.id, toastOutcome("Removed the variant"))
    }
  }

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Variants and terms</Heading>
        {canUpdate && (
          <Button
            size="small"
            variant="secondary"
            onClick={() => setEditing("new")}
          >
            Add variant
          </Button>
        )}
      </div>
      {isLoading ? (
        <SectionSkeleton />
      ) : !data?.supplier_variants.length ? (
        <SectionMessage>
          No variants yet. Add the variants this supplier sells to order them on
          purchase orders.
        </SectionMessage>
      ) : (
        <div className="overflow-x-auto">
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Variant</Table.HeaderCell>
                <Table.HeaderCell>Supplier SKU</Table.HeaderCell>
                <Table.HeaderCell className="text-right">
                  Unit cost
                </Table.HeaderCell>
                <Table.HeaderCell className="text-right">
                  Lead time
                </Table.HeaderCell>
                <Table.HeaderCell className="text-right">MOQ</Table.HeaderCell>
                <Table.HeaderCell className="text-right">
                  Case pack
                </Table.HeaderCell>
                <Table.HeaderCell />
                <Table.HeaderCell />
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {data.supplier_variants.map((terms) => {
                const v = variant(terms.variant_id)
                return (
                  <Table.Row key={terms.id}>
                    <Table.Cell>
                      <div className="flex flex-col">
                        <span>
                          {v
                            ? `${v.product?.title} · ${v.title}`
                            : terms.variant_id}
                        </span>
                        <span className="text-ui-fg-muted txt-compact-small">
                          {v?.sku}
                        </span>
                      </div>
                    </Table.Cell>
                    <Table.Cell>{terms.supplier_sku ?? "-"}</Table.Cell>
                    <Table.Cell className="text-right tabular-nums">
                      {formatMoney(
                        terms.unit_cost,
                        terms.currency_code ?? currency ?? defaultCurrency
                      )}
                    </Table.Cell>
                    <Table.Cell className="text-right tabular-nums">
                      {terms.lead_time_days === null
                        ? "-"
                        : formatCount(terms.lead_time_days, "day")}
                    </Table.Cell>
                    <Table.Cell className="text-right tabular-nums">
                      {terms.minimum_order_quantity}
                    </Table.Cell>
                    <Table.Cell className="text-right tabular-nums">
                      {terms.case_pack}
                    </Table.Cell>
                    <Table.Cell>
                      {terms.is_preferred && (
                        <StatusBadge color="green">Preferred</StatusBadge>
                      )}
                    </Table.Cell>
                    <Table.Cell className="flex justify-end gap-x-1">
                      {canUpdate && (
                        <>
                          <IconButton
                            size="small"
                            variant="transparent"
                            aria-label="Edit terms"
                            onClick={() => setEditing(terms)}
                          >
                            <PencilSquare />
                          </IconButton>
                          <IconButton
                            size="small"
                            variant="transparent"
                            aria-label="Remove variant"
                            onClick={() => onDelete(terms)}
                          >
                            <Trash />
                          </IconButton>
                        </>
                      )}
                    </Table.Cell>
                  </Table.Row>
                )
              })}
            </Table.Body>
          </Table>
        </div>
      )}
      <SupplierVariantDrawer
        supplierId={supplierId}
        terms={editing === "new" ? null : editing}
        open={editing !== null}
        onOpenChange={(open) => !open && setEditing(null)}
      />
    </Container>
  )
}

/** The breadcrumb reads the supplier's name from the query cache, as core's detail pages do. */
const SupplierBreadcrumb = ({ params }: { params: { id?: string } }) => {
  const { data } = useSupplier(params.id!)
  return <span>{data?.supplier.name ?? "Supplier"}</span>
}

export const handle = {
  breadcrumb: (match: { params: { id?: string } }) => (
    <SupplierBreadcrumb {...match} />
  ),
}

const GuardedSupplierDetailPage = () => (
  <RequirePermission permission="supplier:read">
    <SupplierDetailPage />
  </RequirePermission>
)

export default GuardedSupplierDetailPage
