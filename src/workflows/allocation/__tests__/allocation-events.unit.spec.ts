import { BackorderStatus } from "../../../types/enums"
import {
  ALLOCATION_EVENT_BATCH,
  buildAllocationEvents,
} from "../utils/allocation-events"

describe("buildAllocationEvents", () => {
  it("announces each backorder once, with its units summed, and the ones made available", () => {
    expect(
      buildAllocationEvents({
        allocations: [
          {
            backorder_id: "bo_1",
            quantity: 1,
            reason: "linked to PO-0012",
            status: BackorderStatus.PARTIALLY_AVAILABLE,
          },
          {
            backorder_id: "bo_2",
            quantity: 3,
            reason: "oldest order",
            status: BackorderStatus.AVAILABLE,
          },
          {
            backorder_id: "bo_1",
            quantity: 2,
            reason: "oldest order",
            status: BackorderStatus.AVAILABLE,
          },
        ],
        context: { purchase_order_id: "po_1", transfer_id: undefined },
      })
    ).toEqual({
      allocated: [
        {
          ids: ["bo_1", "bo_2"],
          backorders: [
            {
              id: "bo_1",
              quantity: 3,
              reason: "linked to PO-0012; oldest order",
            },
            { id: "bo_2", quantity: 3, reason: "oldest order" },
          ],
          purchase_order_id: "po_1",
        },
      ],
      available: [{ ids: ["bo_1", "bo_2"], purchase_order_id: "po_1" }],
    })
  })

  it("emits nothing for an allocation that handed nothing out", () => {
    expect(buildAllocationEvents({ allocations: [] })).toEqual({
      allocated: [],
      available: [],
    })
  })

  it("leaves partly allocated backorders out of backorder.available", () => {
    expect(
      buildAllocationEvents({
        allocations: [
          {
            backorder_id: "bo_1",
            quantity: 1,
            reason: "priority 2",
            status: BackorderStatus.PARTIALLY_AVAILABLE,
          },
        ],
        context: { released_from: "bo_9" },
      })
    ).toEqual({
      allocated: [
        {
          ids: ["bo_1"],
          backorders: [{ id: "bo_1", quantity: 1, reason: "priority 2" }],
          released_from: "bo_9",
        },
      ],
      available: [],
    })
  })

  it("batches 2,500 backorders into events of 1,000, 1,000 and 500 in queue order", () => {
    const allocations = Array.from({ length: 2500 }, (_, i) => ({
      backorder_id: `bo_${i}`,
      quantity: 1,
      reason: "oldest order",
      status: BackorderStatus.AVAILABLE,
    }))
    const { allocated, available } = buildAllocationEvents({ allocations })
    expect(ALLOCATION_EVENT_BATCH).toBe(1000)
    expect(allocated.map((e) => e.ids.length)).toEqual([1000, 1000, 500])
    expect(available.map((e) => e.ids.length)).toEqual([1000, 1000, 500])
    expect(allocated.flatMap((e) => e.ids)).toEqual(
      allocations.map((a) => a.backorder_id)
    )
    expect(allocated[2].backorders[499]).toEqual({
      id: "bo_2499",
      quantity: 1,
      reason: "oldest order",
    })
    expect(available[1].ids[0]).toBe("bo_1000")
  })
})
