import {
  MiddlewareRoute,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { retrieveStoreBackorderQueryConfig } from "../backorders/query-config"
import { StoreGetBackorderParams } from "../backorders/validators"

export const storeOrderBackorderRoutesMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/store/orders/:id/backorders",
    middlewares: [
      validateAndTransformQuery(StoreGetBackorderParams, {
        ...retrieveStoreBackorderQueryConfig,
        isList: true,
      }),
    ],
  },
]
