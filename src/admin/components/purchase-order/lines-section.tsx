import { Trash } from "@medusajs/icons"
import {
  Button,
  Container,
  Heading,
  IconButton,
  Input,
  Table,
  Text,
} from "@medusajs/ui"
import { useState } from "react"
import { useEditPurchaseOrderLines } from "../../hooks/purchase-orders"
import { formatMoney } from "../../lib/format"
import { useStoreCurrencies } from "../../hooks/lookups"
import { toastOutcome } from "../../lib/toasts"
import type { PurchaseOrder } from "../../lib/types"
import { useVariantSearch } from "../options"
import { SearchSelect } from "../search-select"
import { openQuantity } from "./utils"

/**
 * The lines of a purchase order; a draft's quantities and costs can be edited here by a user
 * who may update purchase orders.
 */
export function LinesSection({
  purchaseOrder,
  editable = true,
}: {
  purchaseOrder: PurchaseOrder
  editable?: boolean
}) {
  const isDraft = purchaseOrder.status === "draft" && editable
  const edit = useEditPurchaseOrderLines(purchaseOrder.id)
  const [quantities, setQuantities] = useState<Record<string, string>>({})
  const lines = purchaseOrder.lines ?? []
  // A purchase order from a supplier without a currency is in the store's default one.
  const { defaultCurrency } = useStoreCurrencies()
  const currency = purchaseOrder.currency_code ?? defaultCurrency

  const run = (body: Parameters<typeof edit.mutate>[0], done: string) =>
    edit.mutate(
      body,
      toastOutcome(done, () => setQuantities({}))
    )

  const changed = Object.entries(quantities).filter(([id, value]) => {
    const line = lines.find((l) => l.id === id)
    return line && value !== "" && Number(value) !== Number(line.quantity)
  })

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Lines</Heading>
        {isDraft && changed.length > 0 && (
          <Button
            size="small"
            isLoading={edit.isPending}
            onClick={() =>
              run(
                {
                  update: changed.map(([id, value]) => ({
                    id,
                    quantity: Number(value),
                  })),
                },
                "Saved the quantities"
              )
            }
          >
            Save quantities
          </Button>
        )}
      </div>
      <div className="overflow-x-auto">
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Variant</Table.HeaderCell>
              <Table.HeaderCell>Supplier SKU</Table.HeaderCell>
              <Table.HeaderCell className="text-right">
                Ordered
              </Table.HeaderCell>
              <Table.HeaderCell className="text-right">
                Received
              </Table.HeaderCell>
              <Table.HeaderCell className="text-right">
                Cancelled
              </Table.HeaderCell>
              <Table.HeaderCell className="text-right">Open</Table.HeaderCell>
              <Table.HeaderCell className="text-right">
                Unit cost
              </Table.HeaderCell>
              <Table.HeaderCell className="text-right">Total</Table.HeaderCell>
              {isDraft && <Table.HeaderCell />}
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {lines.map((line) => (
              <Table.Row key={line.id} data-testid={`po-line-${line.sku}`}>
                <Table.Cell>
                  <div className="flex flex-col">
                    <span>{line.title}</span>
                    <span className="text-ui-fg-muted txt-compact-small">
                      {line.sku}
                    </span>
                    {line.rounding && (
                      <span
                        className="text-ui-fg-subtle txt-compact-small"
                        data-testid="rounding"
                      >
                        {line.rounding.reason}
                      </span>
                    )}
                  </div>
                </Table.Cell>
                <Table.Cell>{line.supplier_sku ?? "-"}</Table.Cell>
                <Table.Cell className="text-right tabular-nums">
                  {isDraft ? (
                    <Input
                      size="small"
                      type="number"
                      min={1}
                      className="ml-auto w-20"
                      aria-label={`Quantity of ${line.sku ?? line.title}`}
                      value={quantities[line.id] ?? String(line.quantity)}
                      onChange={(e) =>
                        setQuantities({
                          ...quantities,
                          [line.id]: e.target.value,
                        })
                      }
                    />
                  ) : (
                    line.quantity
                  )}
                </Table.Cell>
                <Table.Cell
                  className="text-right tabular-nums"
                  data-testid="received"
                >
                  {line.received_quantity}
                </Table.Cell>
                <Table.Cell className="text-right tabular-nums">
                  {line.cancelled_quantity}
                </Table.Cell>
                <Table.Cell
                  className="text-right tabular-nums"
                  data-testid="open"
                >
                  {openQuantity(line)}
                </Table.Cell>
                <Table.Cell className="text-right tabular-nums">
                  {formatMoney(line.unit_cost, currency)}
                </Table.Cell>
                <Table.Cell
                  className="text-right tabular-nums"
                  data-testid="line-total"
                >
                  {formatMoney(line.total, currency)}
                </Table.Cell>
                {isDraft && (
                  <Table.Cell className="text-right">
                    <IconButton
                      size="small"
                      variant="transparent"
                      aria-label={`Remove ${line.sku ?? line.title}`}
                      onClick={() =>
                        run(
                          { remove: [line.id] },
                          `Removed ${line.sku ?? line.title}`
                        )
                      }
                    >
                      <Trash />
                    </IconButton>
                  </Table.Cell>
                )}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      <div className="flex items-center justify-end gap-x-4 px-6 py-4">
        <Text size="small" weight="plus">
          Total
        </Text>
        <Text
          size="small"
          weight="plus"
          className="tabular-nums"
          data-testid="po-total"
        >
          {purchaseOrder.total === null || purchaseOrder.total === undefined
            ? "Unknown: a line has no unit cost"
            : formatMoney(purchaseOrder.total, currency)}
        </Text>
      </div>
      {isDraft && (
        <div className="px-6 py-4">
          <SearchSelect
            id="po-line-add"
            placeholder="Add a variant: search by title or SKU"
            value={null}
            useOptions={useVariantSearch}
            onChange={(option) =>
              option &&
              run(
                { add: [{ variant_id: option.value, quantity: 1 }] },
                `Added ${option.label}`
              )
            }
          />
        </div>
      )}
    </Container>
  )
}
