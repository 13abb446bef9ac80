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
    methods: ["GET"],
    matcher: "/store/backorders*",
    middlewares: [authenticate("customer", ["session", "bearer"])],
  },
  {
    methods: ["GET"],
    matcher: "/store/backorders",
    middlewares: [
      validateAndTransformQuery(
        StoreGetBackordersParams,
        listStoreBackorderQueryConfig
      ),
    ],
  },
  {
    methods: ["GET"],
    matcher: "/store/backorders/:id",
    middlewares: [
      validateAndTransformQuery(
        StoreGetBackorderParams,
        retrieveStoreBackorderQueryConfig
      ),
    ],
  },
  {
    methods: ["GET"],
    matcher: "/store/backorder-availability",
    middlewares: [
      validateAndTransformQuery(StoreGetBackorderAvailabilityParams, {
        defaults: [],
        isList: false,
      }),
    ],
  },
]
