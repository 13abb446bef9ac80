import {
  MiddlewareRoute,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import {
  listBackorderQueryConfig,
  retrieveBackorderQueryConfig,
} from "./query-config"
import { AdminGetBackorderParams, AdminGetBackordersParams } from "./validators"

export const adminBackorderRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/backorders",
    middlewares: [
      validateAndTransformQuery(AdminGetBackordersParams, listBackorderQueryConfig),
    ],
  },
  {
    method: ["GET"],
    matcher: "/admin/backorders/:id",
    middlewares: [
      validateAndTransformQuery(AdminGetBackorderParams, retrieveBackorderQueryConfig),
    ],
  },
]
