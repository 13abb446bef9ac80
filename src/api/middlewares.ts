import { defineMiddlewares } from "@medusajs/framework/http"
import { adminBackorderRoutesMiddlewares } from "./admin/backorders/middlewares"
import { adminPurchaseOrderRoutesMiddlewares } from "./admin/purchase-orders/middlewares"
import { adminSupplierRoutesMiddlewares } from "./admin/suppliers/middlewares"
import { adminToOrderSaleRoutesMiddlewares } from "./admin/to-order-sales/middlewares"
import { storeBackorderRoutesMiddlewares } from "./store/backorders/middlewares"
import { storeOrderBackorderRoutesMiddlewares } from "./store/orders/middlewares"

export default defineMiddlewares({
  routes: [
    ...adminBackorderRoutesMiddlewares,
    ...adminPurchaseOrderRoutesMiddlewares,
    ...adminSupplierRoutesMiddlewares,
    ...adminToOrderSaleRoutesMiddlewares,
    ...storeBackorderRoutesMiddlewares,
    ...storeOrderBackorderRoutesMiddlewares,
  ],
})
