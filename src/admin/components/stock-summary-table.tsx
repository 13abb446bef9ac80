import { Table } from "@medusajs/ui"
import { SectionSkeleton, SectionMessage } from "./section-states"
import type { StockSummary } from "../lib/types"
import { formatDate } from "../lib/format"

/** Backordered, allocated and incoming units per location. */
export function StockSummaryTable({
  summary,
  isLoading,
  isError,
}: {
  summary?: StockSummary
  isLoading: boolean
  isError: boolean
}) {
  if (isLoading) {
    return <SectionSkeleton />
  }
  if (isError || !summary) {
    return (
      <SectionMessage tone="error">
        The backorder figures could not be loaded.
      </SectionMessage>
    )
  }
  if (!summary.locations.length) {
    return <SectionMessage>Nothing backordered or on order.</SectionMessage>
  }
  return (
    <div className="overflow-x-auto">
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Location</Table.HeaderCell>
            <Table.HeaderCell className="text-right">
              Backordered
            </Table.HeaderCell>
            <Table.HeaderCell className="text-right">
              Allocated
            </Table.HeaderCell>
            <Table.HeaderCell className="text-right">Incoming</Table.HeaderCell>
            <Table.HeaderCell>Next ETA</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {summary.locations.map((row) => (
            <Table.Row key={`${row.inventory_item_id}:${row.location_id}`}>
              <Table.Cell>{row.location_name ?? row.location_id}</Table.Cell>
              <Table.Cell className="text-right tabular-nums">
                {row.waiting_quantity}
              </Table.Cell>
              <Table.Cell className="text-right tabular-nums">
                {row.allocated_quantity}
              </Table.Cell>
              <Table.Cell className="text-right tabular-nums">
                {row.incoming_quantity}
              </Table.Cell>
              <Table.Cell>{formatDate(row.next_expected_at)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  )
}
