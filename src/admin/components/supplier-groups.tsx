import { Button, Container, Heading, Table } from "@medusajs/ui"
import { SectionSkeleton, SectionMessage } from "./section-states"
import { useState } from "react"
import { BackorderListQuery, useSupplierGroups } from "../hooks/backorders"
import { RequestStockDrawer } from "./request-stock-drawer"

/**
 * The backorders of the list grouped by supplier (SaleDock's view): how many wait on each
 * supplier and for how many units, with the bulk "request stock" per supplier.
 */
export function SupplierGroups({
  query,
  selected,
  onShow,
}: {
  query: BackorderListQuery
  selected: string[]
  onShow: (supplierId: string | null) => void
}) {
  const { data, isLoading, isError, error } = useSupplierGroups(query)
  const [orderingFrom, setOrderingFrom] = useState<string | null>(null)
  if (isError) {
    throw error
  }
  return (
    <Container className="divide-y p-0" data-testid="supplier-groups">
      <div className="px-6 py-4">
        <Heading level="h2">By supplier</Heading>
      </div>
      {isLoading ? (
        <SectionSkeleton height="h-16" />
      ) : !data?.groups.length ? (
        <SectionMessage>No backorders to group.</SectionMessage>
      ) : (
        <div className="overflow-x-auto">
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Supplier</Table.HeaderCell>
                <Table.HeaderCell className="text-right">
                  Backorders
                </Table.HeaderCell>
                <Table.HeaderCell className="text-right">
                  Units waiting
                </Table.HeaderCell>
                <Table.HeaderCell />
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {data.groups.map((group) => {
                const id = group.supplier?.id ?? null
                const isSelected = !!id && selected.includes(id)
                return (
                  <Table.Row key={id ?? "none"}>
                    <Table.Cell>
                      {group.supplier?.name ?? "No supplier"}
                    </Table.Cell>
                    <Table.Cell className="text-right tabular-nums">
                      {`${group.count_estimated ? "~" : ""}${group.count}`}
                    </Table.Cell>
                    <Table.Cell className="text-right tabular-nums">
                      {group.waiting_quantity}
                    </Table.Cell>
                    <Table.Cell>
                      {id && (
                        <div className="flex justify-end gap-x-2 py-2">
                          <Button
                            size="small"
                            variant="secondary"
                            onClick={() => onShow(isSelected ? null : id)}
                          >
                            {isSelected ? "Show all" : "Show"}
                          </Button>
                          <Button
                            size="small"
                            variant="secondary"
                            onClick={() => setOrderingFrom(id)}
                          >
                            Order all open
                          </Button>
                        </div>
                      )}
                    </Table.Cell>
                  </Table.Row>
                )
              })}
            </Table.Body>
          </Table>
        </div>
      )}
      {orderingFrom && (
        <RequestStockDrawer
          open
          onOpenChange={(open) => !open && setOrderingFrom(null)}
          supplierId={orderingFrom}
        />
      )}
    </Container>
  )
}
