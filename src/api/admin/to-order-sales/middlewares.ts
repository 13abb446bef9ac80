import {
  MiddlewareRoute,
  validateAndTransformBody,
} from "@medusajs/framework/http"
import { AdminToOrderSale } from "./validators"

export const adminToOrderSaleRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/to-order-sales",
    middlewares: [validateAndTransformBody(AdminToOrderSale)],
  },
  {
    method: ["POST"],
    matcher: "/admin/to-order-sales/preview",
    middlewares: [validateAndTransformBody(AdminToOrderSale)],
  },
]
