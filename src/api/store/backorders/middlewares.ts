import {
  authenticate,
  MiddlewareRoute,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import {
  listStoreBackorderQueryConfig,
  retrieveStoreBackorderQueryConfig,
} from "./query-config"
import {
  StoreGetBackorderAvailabilityParams,
  StoreGetBackorderParams,
  StoreGetBackordersParams,
} from "./validators"

export const storeBackorderRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/store/backorders*",
    middlewares: [authenticate("customer", ["session", "bearer"])],
  },
  {
    method: ["GET"],
    matcher: "/store/backorders",
    middlewares: [
      validateAndTransformQuery(
        StoreGetBackordersParams,
        listStoreBackorderQueryConfig
      ),
    ],
  },
  {
    method: ["GET"],
    matcher: "/store/backorders/:id",
    middlewares: [
      validateAndTransformQuery(
        StoreGetBackorderParams,
        retrieveStoreBackorderQueryConfig
      ),
    ],
  },
  {
    method: ["GET"],
    matcher: "/store/backorder-availability",
    middlewares: [
      validateAndTransformQuery(StoreGetBackorderAvailabilityParams, {
        defaults: [],
        isList: false,
      }),
    ],
  },
]
