import {
  MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import {
  listAllocationQueryConfig,
  listBackorderQueryConfig,
  retrieveBackorderQueryConfig,
} from "./query-config"
import { resolveLateFilter } from "./late"
import { resolveBackorderSearch } from "./search"
import {
  AdminCancelBackorder,
  AdminFulfilBackorders,
  AdminReleaseAllocation,
  AdminGetAllocationsParams,
  AdminGetBackorderAggregatesParams,
  AdminGetBackorderHealthParams,
  AdminGetBackorderParams,
  AdminGetBackordersParams,
  AdminGetBackorderStockSummaryParams,
} from "./validators"

export const adminBackorderRoutesMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["POST"],
    matcher: "/admin/backorders/export",
    middlewares: [
      validateAndTransformQuery(
        AdminGetBackordersParams,
        listBackorderQueryConfig
      ),
      resolveBackorderSearch,
      resolveLateFilter,
    ],
  },
  {
    method: ["GET"],
    matcher: "/admin/backorders",
    middlewares: [
      validateAndTransformQuery(
        AdminGetBackordersParams,
        listBackorderQueryConfig
      ),
      resolveBackorderSearch,
      resolveLateFilter,
    ],
  },
  {
    method: ["GET"],
    matcher: "/admin/backorders/counts",
    middlewares: [
      validateAndTransformQuery(AdminGetBackorderAggregatesParams, {
        defaults: [],
        isList: false,
      }),
      resolveBackorderSearch,
      resolveLateFilter,
    ],
  },
  {
    method: ["GET"],
    matcher: "/admin/backorders/supplier-groups",
    middlewares: [
      validateAndTransformQuery(AdminGetBackorderAggregatesParams, {
        defaults: [],
        isList: false,
      }),
      resolveBackorderSearch,
      resolveLateFilter,
    ],
  },
  {
    method: ["GET"],
    matcher: "/admin/backorders/health",
    middlewares: [
      validateAndTransformQuery(AdminGetBackorderHealthParams, {
        defaults: [],
        isList: false,
      }),
    ],
  },
  {
    method: ["GET"],
    matcher: "/admin/backorders/stock-summary",
    middlewares: [
      validateAndTransformQuery(AdminGetBackorderStockSummaryParams, {
        defaults: [],
        isList: false,
      }),
    ],
  },
  {
    method: ["GET"],
    matcher: "/admin/backorders/allocations",
    middlewares: [
      validateAndTransformQuery(
        AdminGetAllocationsParams,
        listAllocationQueryConfig
      ),
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/backorders/:id/cancel",
    middlewares: [
      validateAndTransformBody(AdminCancelBackorder),
      validateAndTransformQuery(
        AdminGetBackorderParams,
        retrieveBackorderQueryConfig
      ),
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/orders/:id/backorders/fulfil",
    middlewares: [
      validateAndTransformBody(AdminFulfilBackorders),
      validateAndTransformQuery(
        AdminGetBackorderParams,
        listBackorderQueryConfig
      ),
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/backorders/:id/release",
    middlewares: [validateAndTransformBody(AdminReleaseAllocation)],
  },
  {
    method: ["GET"],
    matcher: "/admin/orders/:id/backorders",
    middlewares: [
      validateAndTransformQuery(
        AdminGetBackorderParams,
        listBackorderQueryConfig
      ),
    ],
  },
  {
    method: ["GET"],
    matcher: "/admin/backorders/:id",
    middlewares: [
      validateAndTransformQuery(
        AdminGetBackorderParams,
        retrieveBackorderQueryConfig
      ),
    ],
  },
]
