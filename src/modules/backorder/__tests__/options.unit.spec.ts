import { MedusaError } from "@medusajs/framework/utils"
import validateOptionsLoader from "../loaders/validate-options"
import { resolveBackorderPluginOptions } from "../options"

describe("resolveBackorderPluginOptions", () => {
  it("fills in every default when no option is given", () => {
    expect(resolveBackorderPluginOptions(undefined)).toEqual({
      allocationPolicy: "fifo",
      stockReceivedOn: "receipt",
      captureBalanceOn: "fulfilled",
      defaultDepositPercent: 30,
      purchaseOrderPrefix: "PO-",
      purchaseOrderNumberPadding: 4,
      notifications: {
        channel: "email",
        templates: {
          confirmed: "backorder-confirmed",
          eta_changed: "backorder-eta-changed",
          ready: "backorder-ready",
          fulfilled: "backorder-fulfilled",
          cancelled: "backorder-cancelled",
          late: "backorder-late",
        },
        send: {
          confirmed: true,
          eta_changed: true,
          ready: true,
          fulfilled: true,
          cancelled: true,
          late: true,
        },
        staffFeed: true,
        supplierChannel: "email",
        supplierTemplate: "purchase-order",
      },
      catchUp: {
        lookbackHours: 72,
        graceSeconds: 30,
        notificationGraceSeconds: 300,
      },
      scheduledJobs: true,
      locking: { waitSeconds: 30, leaseSeconds: 5 },
    })
  })

  it("keeps given options and ignores the keys Medusa adds to a module's options", () => {
    expect(
      resolveBackorderPluginOptions({
        resolve: "medusa-plugin-backorders",
        database: { clientUrl: "postgres://localhost/db" },
        allocationPolicy: "deposit_first",
        stockReceivedOn: "completion",
        defaultDepositPercent: 50,
      })
    ).toEqual(
      expect.objectContaining({
        allocationPolicy: "deposit_first",
        stockReceivedOn: "completion",
        defaultDepositPercent: 50,
      })
    )
  })

  it.each([
    [
      { allocationPolicy: "random" },
      'Invalid medusa-plugin-backorders options: allocationPolicy: Invalid option: expected one of "fifo"|"priority"|"deposit_first"',
    ],
    [
      { defaultDepositPercent: 120 },
      "Invalid medusa-plugin-backorders options: defaultDepositPercent: Too big: expected number to be <=100",
    ],
    [
      { catchUp: { lookbackHours: 1, notificationGraceSeconds: 7200 } },
      "Invalid medusa-plugin-backorders options: catchUp.notificationGraceSeconds: 7200 s must be shorter than lookbackHours (1 h = 3600 s)",
    ],
    [
      {
        catchUp: {
          lookbackHours: 0.01,
          graceSeconds: 36,
          notificationGraceSeconds: 0,
        },
      },
      "Invalid medusa-plugin-backorders options: catchUp.graceSeconds: 36 s must be shorter than lookbackHours (0.01 h = 36 s)",
    ],
    [
      { stockRecievedOn: "receipt" },
      'Invalid medusa-plugin-backorders options: options: Unrecognized key: "stockRecievedOn"',
    ],
  ])("refuses %j with a message naming the option", (options, message) => {
    let error: MedusaError | undefined
    try {
      resolveBackorderPluginOptions(options)
    } catch (e) {
      error = e as MedusaError
    }
    expect(error).toBeInstanceOf(MedusaError)
    expect(error!.type).toBe(MedusaError.Types.INVALID_DATA)
    expect(error!.message).toBe(message)
  })

  it("fails the module loader, and so start-up, on a bad option", async () => {
    await expect(
      validateOptionsLoader({
        options: { captureBalanceOn: "never" },
      } as any)
    ).rejects.toThrow(
      'Invalid medusa-plugin-backorders options: captureBalanceOn: Invalid option: expected one of "fulfilled"|"manual"'
    )
  })
})
