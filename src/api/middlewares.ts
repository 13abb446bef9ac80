import { defineMiddlewares } from "@medusajs/framework/http"
import { adminBackorderRoutesMiddlewares } from "./admin/backorders/middlewares"
import { adminPurchaseOrderRoutesMiddlewares } from "./admin/purchase-orders/middlewares"
import { adminSupplierRoutesMiddlewares } from "./admin/suppliers/middlewares"
import { adminToOrderSaleRoutesMiddlewares } from "./admin/to-order-sales/middlewares"
import { adminTransferRoutesMiddlewares } from "./admin/transfers/middlewares"
import { storeBackorderRoutesMiddlewares } from "./store/backorders/middlewares"
import { storeOrderBackorderRoutesMiddlewares } from "./store/orders/middlewares"
import { refuseControlCharactersInPath } from "./utils/refuse-control-characters"

// Every path of the plugin: ids in them are checked before any route runs.
const PLUGIN_PATHS = [
  "/admin/backorders*",
  "/admin/purchase-orders*",
  "/admin/suppliers*",
  "/admin/to-order-sales*",
  "/admin/transfers*",
  /^\/admin\/orders\/[^/]+\/backorders/,
  "/store/backorders*",
  "/store/backorder-availability*",
  /^\/store\/orders\/[^/]+\/backorders/,
]

export default defineMiddlewares({
  routes: [
    ...PLUGIN_PATHS.map((matcher) => ({
      matcher,
      middlewares: [refuseControlCharactersInPath],
    })),
    ...adminBackorderRoutesMiddlewares,
    ...adminPurchaseOrderRoutesMiddlewares,
    ...adminSupplierRoutesMiddlewares,
    ...adminToOrderSaleRoutesMiddlewares,
    ...adminTransferRoutesMiddlewares,
    ...storeBackorderRoutesMiddlewares,
    ...storeOrderBackorderRoutesMiddlewares,
  ],
})
