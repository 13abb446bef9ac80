import {
  MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import {
  backorderFiguresQueryConfig,
  listAllocationQueryConfig,
  listBackorderQueryConfig,
  retrieveBackorderQueryConfig,
} from "./query-config"
import { resolveLateFilter } from "./late"
import { resolveBackorderSearch } from "./search"
import { resolveInDraftFilter } from "./in-draft"
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
import { requires } from "../../../types/policies"
import { refuseUnknownFields } from "../../utils/refuse-unknown-fields"

export const adminBackorderRoutesMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["POST"],
    matcher: "/admin/backorders/export",
    policies: requires("backorder:read"),
    middlewares: [
      validateAndTransformQuery(
        AdminGetBackordersParams,
        listBackorderQueryConfig
      ),
      resolveBackorderSearch,
      resolveInDraftFilter,
      resolveLateFilter,
    ],
  },
  {
    methods: ["GET"],
    matcher: "/admin/backorders",
    policies: requires("backorder:read"),
    middlewares: [
      validateAndTransformQuery(
        AdminGetBackordersParams,
        listBackorderQueryConfig
      ),
      refuseUnknownFields("backorder"),
      resolveBackorderSearch,
      resolveInDraftFilter,
      resolveLateFilter,
    ],
  },
  {
    methods: ["GET"],
    matcher: "/admin/backorders/counts",
    policies: requires("backorder:read"),
    middlewares: [
      validateAndTransformQuery(
        AdminGetBackorderAggregatesParams,
        backorderFiguresQueryConfig
      ),
      resolveBackorderSearch,
      resolveInDraftFilter,
      resolveLateFilter,
    ],
  },
  {
    methods: ["GET"],
    matcher: "/admin/backorders/supplier-groups",
    policies: requires("backorder:read"),
    middlewares: [
      validateAndTransformQuery(
        AdminGetBackorderAggregatesParams,
        backorderFiguresQueryConfig
      ),
      resolveBackorderSearch,
      resolveInDraftFilter,
      resolveLateFilter,
    ],
  },
  {
    methods: ["GET"],
    matcher: "/admin/backorders/health",
    policies: requires("backorder:read"),
    middlewares: [
      validateAndTransformQuery(
        AdminGetBackorderHealthParams,
        backorderFiguresQueryConfig
      ),
    ],
  },
  {
    methods: ["GET"],
    matcher: "/admin/backorders/stock-summary",
    policies: requires("backorder:read"),
    middlewares: [
      validateAndTransformQuery(
        AdminGetBackorderStockSummaryParams,
        backorderFiguresQueryConfig
      ),
    ],
  },
  {
    methods: ["GET"],
    matcher: "/admin/backorders/allocations",
    policies: requires("backorder:read"),
    middlewares: [
      validateAndTransformQuery(
        AdminGetAllocationsParams,
        listAllocationQueryConfig
      ),
      refuseUnknownFields("allocation"),
    ],
  },
  {
    methods: ["POST"],
    matcher: "/admin/backorders/:id/cancel",
    policies: requires("backorder:cancel"),
    middlewares: [
      validateAndTransformBody(AdminCancelBackorder),
      validateAndTransformQuery(
        AdminGetBackorderParams,
        retrieveBackorderQueryConfig
      ),
      refuseUnknownFields("backorder"),
    ],
  },
  {
    methods: ["POST"],
    matcher: "/admin/orders/:id/backorders/fulfil",
    policies: requires("backorder:update"),
    middlewares: [
      validateAndTransformBody(AdminFulfilBackorders),
      validateAndTransformQuery(
        AdminGetBackorderParams,
        listBackorderQueryConfig
      ),
      refuseUnknownFields("backorder"),
    ],
  },
  {
    methods: ["POST"],
    matcher: "/admin/backorders/:id/release",
    policies: requires("backorder:release"),
    middlewares: [validateAndTransformBody(AdminReleaseAllocation)],
  },
  {
    methods: ["GET"],
    matcher: "/admin/orders/:id/backorders",
    policies: requires("backorder:read"),
    middlewares: [
      validateAndTransformQuery(
        AdminGetBackorderParams,
        listBackorderQueryConfig
      ),
      refuseUnknownFields("backorder"),
    ],
  },
  {
    methods: ["GET"],
    matcher: "/admin/backorders/:id",
    policies: requires("backorder:read"),
    middlewares: [
      validateAndTransformQuery(
        AdminGetBackorderParams,
        retrieveBackorderQueryConfig
      ),
      refuseUnknownFields("backorder"),
    ],
  },
]
