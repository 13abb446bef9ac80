import { Trash } from "@medusajs/icons"
import { IconButton, Input, Table } from "@medusajs/ui"
import type { SaleLine } from "../../hooks/use-to-order-sale-form"
import { formatMoney } from "../../lib/format"
import type { ToOrderSalePreview } from "../../lib/types"

/**
 * The lines of a to-order sale with what the preview says of each: on hand, ships now,
 * backordered (in red when short) and the line total.
 */
export function SaleLinesTable({
  lines,
  onChange,
  preview,
}: {
  lines: SaleLine[]
  onChange: (lines: SaleLine[]) => void
  preview: ToOrderSalePreview | null
}) {
  const currency = preview?.currency_code
  return (
    <div className="overflow-x-auto">
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Variant</Table.HeaderCell>
            <Table.HeaderCell className="w-28">Quantity</Table.HeaderCell>
            <Table.HeaderCell className="text-right">On hand</Table.HeaderCell>
            <Table.HeaderCell className="text-right">
              Ships now
            </Table.HeaderCell>
            <Table.HeaderCell className="text-right">
              Backordered
            </Table.HeaderCell>
            <Table.HeaderCell className="text-right">Total</Table.HeaderCell>
            <Table.HeaderCell />
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {lines.map((line, index) => {
            const row = preview?.lines.find(
              (l) => l.variant_id === line.variant.value
            )
            return (
              <Table.Row
                key={line.variant.value}
                data-testid={`sale-line-${line.variant.hint}`}
              >
                <Table.Cell>
                  <div className="flex flex-col">
                    <span>{line.variant.label}</span>
                    <span className="text-ui-fg-muted txt-compact-small">
                      {line.variant.hint}
                    </span>
                  </div>
                </Table.Cell>
                <Table.Cell>
                  <Input
                    size="small"
                    type="number"
                    min={1}
                    aria-label={`Quantity of ${line.variant.hint}`}
                    value={line.quantity}
                    onChange={(e) =>
                      onChange(
                        lines.map((l, i) =>
                          i === index ? { ...l, quantity: e.target.value } : l
                        )
                      )
                    }
                  />
                </Table.Cell>
                <Table.Cell className="text-right tabular-nums">
                  {row?.on_hand ?? "-"}
                </Table.Cell>
                <Table.Cell className="text-right tabular-nums">
                  {row?.ships_now ?? "-"}
                </Table.Cell>
                <Table.Cell
                  className={`text-right tabular-nums ${row?.backordered ? "text-ui-fg-error" : ""}`}
                  data-testid="backordered"
                >
                  {row?.backordered ?? "-"}
                </Table.Cell>
                <Table.Cell className="text-right tabular-nums">
                  {row ? formatMoney(row.total, currency) : "-"}
                </Table.Cell>
                <Table.Cell className="text-right">
                  <IconButton
                    size="small"
                    variant="transparent"
                    aria-label={`Remove ${line.variant.hint}`}
                    onClick={() =>
                      onChange(lines.filter((_, i) => i !== index))
                    }
                  >
                    <Trash />
                  </IconButton>
                </Table.Cell>
              </Table.Row>
            )
          })}
        </Table.Body>
      </Table>
    </div>
  )
}
