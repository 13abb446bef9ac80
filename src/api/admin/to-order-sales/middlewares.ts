import {
  MiddlewareRoute,
  validateAndTransformBody,
} from "@medusajs/framework/http"
import { AdminToOrderSale } from "./validators"
import { requires } from "../../../types/policies"

export const adminToOrderSaleRoutesMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["POST"],
    matcher: "/admin/to-order-sales",
    policies: requires("to_order_sale:create"),
    middlewares: [validateAndTransformBody(AdminToOrderSale)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/to-order-sales/preview",
    policies: requires("to_order_sale:create"),
    middlewares: [validateAndTransformBody(AdminToOrderSale)],
  },
]
