import { Checkbox, Table, Text } from "@medusajs/ui"
import { dateInputToIso } from "../../lib/format"
import { DateField, FormDrawer } from "../form-drawer"
import { useEffect, useState } from "react"
import { useNavigate } from "react-router-dom"
import { useCompletePurchaseOrder } from "../../hooks/purchase-orders"
import { toastOutcome } from "../../lib/toasts"
import type { PurchaseOrder } from "../../lib/types"
import { openQuantity } from "./utils"

/**
 * Completes a purchase order (TechPOS): the unreceived remainder of each line is listed with
 * a tick; ticked remainders move to a follow-up backorder purchase order that carries the
 * same waiting backorders, unticked ones are cancelled.
 */
export function CompleteDrawer({
  purchaseOrder,
  open,
  onOpenChange,
}: {
  purchaseOrder: PurchaseOrder
  open: boolean
  onOpenChange: (open: boolean) => void
}) {
  const navigate = useNavigate()
  const remainders = (purchaseOrder.lines ?? []).filter(
    (line) => openQuantity(line) > 0
  )
  const [moved, setMoved] = useState<Record<string, boolean>>({})
  const [expectedAt, setExpectedAt] = useState("")
  const complete = useCompletePurchaseOrder(purchaseOrder.id)

  useEffect(() => {
    if (open) {
      setMoved(Object.fromEntries(remainders.map((l) => [l.id, true])))
      setExpectedAt("")
    }
  }, [open])

  const anyMoved = remainders.some((l) => moved[l.id])
  const submit = () => {
    complete.mutate(
      {
        lines: remainders.map((line) => ({
          purchase_order_line_id: line.id,
          action: moved[line.id] ? "backorder" : "cancel",
        })),
        expected_at: anyMoved ? dateInputToIso(expectedAt) : undefined,
      },
      toastOutcome(
        ({ follow_up }) =>
          follow_up
            ? `Completed ${purchaseOrder.number}; the remainder is on ${follow_up.number}`
            : `Completed ${purchaseOrder.number}`,
        ({ follow_up }) => {
          onOpenChange(false)
          if (follow_up) {
            navigate(`/purchase-orders/${follow_up.id}`)
          }
        }
      )
    )
  }

  return (
    <FormDrawer
      title={`Complete ${purchaseOrder.number}`}
      open={open}
      onOpenChange={onOpenChange}
      submitLabel="Complete"
      onSubmit={submit}
      isPending={complete.isPending}
    >
      {remainders.length ? (
        <>
          <Text size="small" className="text-ui-fg-subtle">
            These units have not arrived. Tick a line to move its remainder to a
            follow-up backorder purchase order; unticked remainders are
            cancelled.
          </Text>
          <div className="overflow-x-auto">
            <Table>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell className="w-10" />
                  <Table.HeaderCell>Variant</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">
                    Not received
                  </Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {remainders.map((line) => (
                  <Table.Row key={line.id}>
                    <Table.Cell>
                      <Checkbox
                        aria-label={`Move the remainder of ${line.sku ?? line.title} to a follow-up`}
                        data-testid={`complete-move-${line.sku}`}
                        checked={!!moved[line.id]}
                        onCheckedChange={(checked) =>
                          setMoved({ ...moved, [line.id]: checked === true })
                        }
                      />
                    </Table.Cell>
                    <Table.Cell>
                      <div className="flex flex-col">
                        <span>{line.title}</span>
                        <span className="text-ui-fg-muted txt-compact-small">
                          {line.sku}
                        </span>
                      </div>
                    </Table.Cell>
                    <Table.Cell className="text-right tabular-nums">
                      {openQuantity(line)}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
          {anyMoved && (
            <DateField
              id="complete-expected"
              label="Follow-up expected on (optional)"
              value={expectedAt}
              onChange={setExpectedAt}
            />
          )}
        </>
      ) : (
        <Text size="small" className="text-ui-fg-subtle">
          Everything ordered has arrived. Completing closes the purchase order.
        </Text>
      )}
    </FormDrawer>
  )
}
