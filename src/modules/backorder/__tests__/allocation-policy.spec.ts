import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import path from "path"
import { BACKORDER_MODULE } from ".."
import BackorderModuleService from "../service"

jest.setTimeout(60000)

const backorders = (service: BackorderModuleService) =>
  service.createBackorders(
    [
      // Created in this order: oldest first.
      {
        line_item_id: "ordli_old_low",
        quantity: 2,
        priority: 0,
        paid_amount: 0,
      },
      {
        line_item_id: "ordli_mid_paid",
        quantity: 2,
        priority: 1,
        paid_amount: 30,
      },
      {
        line_item_id: "ordli_new_high",
        quantity: 2,
        priority: 5,
        paid_amount: 0,
      },
    ].map((b, i) => ({
      ...b,
      source: "pos" as const,
      order_id: `order_${i}`,
      variant_id: "variant_1",
      inventory_item_id: "iitem_1",
      location_id: "sloc_1",
      // Distinct ages: a batch insert would give all three the same created_at.
      created_at: new Date(Date.UTC(2026, 10, 1 + i)),
    }))
  )

const allocate = (service: BackorderModuleService, quantity: number) =>
  service.allocateStock({
    inventory_item_id: "iitem_1",
    location_id: "sloc_1",
    quantity,
    source: "receipt",
  })

for (const [policy, expected] of [
  [
    "fifo",
    [
      ["ordli_old_low", 2, "fifo", "oldest order"],
      ["ordli_mid_paid", 1, "fifo", "oldest order"],
    ],
  ],
  [
    "priority",
    [
      ["ordli_new_high", 2, "priority", "priority 5"],
      ["ordli_mid_paid", 1, "priority", "priority 1"],
    ],
  ],
  [
    "deposit_first",
    [
      ["ordli_mid_paid", 2, "deposit_first", "deposit paid"],
      ["ordli_old_low", 1, "fifo", "oldest order"],
    ],
  ],
] as const) {
  moduleIntegrationTestRunner<BackorderModuleService>({
    moduleName: BACKORDER_MODULE,
    resolve: path.join(__dirname, ".."),
    pathToMigrations: path.join(__dirname, "..", "migrations"),
    moduleOptions: { allocationPolicy: policy },
    testSuite: ({ service }) => {
      describe(`allocation policy ${policy}`, () => {
        it("hands 3 units out in the policy's order, with the rule and reason in the ledger", async () => {
          const created = await backorders(service)
          const lineOf = new Map(created.map((b) => [b.id, b.line_item_id]))

          const allocations = await allocate(service, 3)
          expect(
            allocations.map((a) => [
              lineOf.get(a.backorder_id),
              a.quantity,
              a.rule,
              a.reason,
            ])
          ).toEqual(expected)

          const ledger = await service.listAllocations(
            {},
            { order: { created_at: "ASC" } }
          )
          expect(
            ledger.map((row) => [
              lineOf.get(row.backorder_id),
              row.quantity,
              row.reason,
            ])
          ).toEqual(
            expected.map(([line, quantity, , reason]) => [
              line,
              quantity,
              reason,
            ])
          )
          // Ledger ids are Medusa's shape, finished in SQL from one prefix: the ids the
          // allocation returns are the ledger's, and they sort in the order handed out.
          expect(ledger.map((row) => row.id)).toEqual(
            allocations.map((a) => a.allocation_id)
          )
          expect([...ledger.map((row) => row.id)].sort()).toEqual(
            ledger.map((row) => row.id)
          )
          for (const row of ledger) {
            expect(row.id).toMatch(/^alloc_[0-9A-HJKMNP-TV-Z]{26}$/)
          }
          expect(ledger[0].id.slice(0, -6)).toBe(ledger[1].id.slice(0, -6))
          // What a rollback puts back: each backorder as it was before.
          expect(allocations.map((a) => a.previous)).toEqual([
            { status: "new", allocated_quantity: 0, available_at: null },
            { status: "new", allocated_quantity: 0, available_at: null },
          ])
          expect(allocations.map((a) => a.status)).toEqual([
            "available",
            "partially_available",
          ])

          const [first] = await service.listBackorders({
            line_item_id: expected[0][0],
          })
          expect(first).toEqual(
            expect.objectContaining({
              status: "available",
              allocated_quantity: 2,
            })
          )
          const [second] = await service.listBackorders({
            line_item_id: expected[1][0],
          })
          expect(second).toEqual(
            expect.objectContaining({
              status: "partially_available",
              allocated_quantity: 1,
            })
          )
        })

        it("reverts an allocation exactly", async () => {
          await backorders(service)
          const allocations = await allocate(service, 3)
          await service.revertStockAllocations(allocations)
          expect(await service.listAllocations()).toHaveLength(0)
          const rows = await service.listBackorders()
          expect(rows.map((b) => [b.status, b.allocated_quantity])).toEqual([
            ["new", 0],
            ["new", 0],
            ["new", 0],
          ])
        })
      })
    },
  })
}
