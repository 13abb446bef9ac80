import { Skeleton, Table, Text } from "@medusajs/ui"
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
    return (
      <div className="px-6 py-4">
        <Skeleton className="h-12 w-full" />
      </div>
    )
  }
  if (isError || !summary) {
    return (
      <Text size="small" className="text-ui-fg-error px-6 py-4">
        The backorder figures could not be loaded.
      </Text>
    )
  }
  if (!summary.locations.length) {
    return (
      <Text size="small" className="text-ui-fg-muted px-6 py-4">
        Nothing backordered or on order.
      </Text>
    )
  }
  return (
    <Table>
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>Location</Table.HeaderCell>
          <Table.HeaderCell className="text-right">
            Backordered
          </Table.HeaderCell>
          <Table.HeaderCell className="text-right">Allocated</Table.HeaderCell>
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
  )
}
