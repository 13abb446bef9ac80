import {
  MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import {
  listPurchaseOrderQueryConfig,
  retrievePurchaseOrderQueryConfig,
} from "./query-config"
import {
  AdminCompletePurchaseOrder,
  AdminCreatePurchaseOrder,
  AdminEditPurchaseOrderLines,
  AdminGetPurchaseOrderParams,
  AdminGetPurchaseOrdersParams,
  AdminReceivePurchaseOrder,
  AdminRequestStock,
  AdminPurchaseOrderDocument,
  AdminSendPurchaseOrder,
  AdminSendPurchaseOrderToSupplier,
  AdminUpdatePurchaseOrder,
} from "./validators"
import { requires } from "../../../types/policies"
import { refuseUnknownFields } from "../../utils/refuse-unknown-fields"

// Checked before the route runs: a mutating route answers with these fields only after its
// change is made.
const retrieve = [
  validateAndTransformQuery(
    AdminGetPurchaseOrderParams,
    retrievePurchaseOrderQueryConfig
  ),
  refuseUnknownFields("purchase_order"),
]

export const adminPurchaseOrderRoutesMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/purchase-orders",
    policies: requires("purchase_order:read"),
    middlewares: [
      validateAndTransformQuery(
        AdminGetPurchaseOrdersParams,
        listPurchaseOrderQueryConfig
      ),
      refuseUnknownFields("purchase_order"),
    ],
  },
  {
    methods: ["POST"],
    matcher: "/admin/purchase-orders",
    policies: requires("purchase_order:create"),
    middlewares: [
      validateAndTransformBody(AdminCreatePurchaseOrder),
      ...retrieve,
    ],
  },
  {
    methods: ["POST"],
    matcher: "/admin/purchase-orders/request-stock",
    policies: requires("purchase_order:create"),
    middlewares: [validateAndTransformBody(AdminRequestStock), ...retrieve],
  },
  {
    methods: ["GET"],
    matcher: "/admin/purchase-orders/:id",
    policies: requires("purchase_order:read"),
    middlewares: [...retrieve],
  },
  {
    methods: ["POST"],
    matcher: "/admin/purchase-orders/:id",
    policies: requires("purchase_order:update"),
    middlewares: [
      validateAndTransformBody(AdminUpdatePurchaseOrder),
      ...retrieve,
    ],
  },
  {
    methods: ["POST"],
    matcher: "/admin/purchase-orders/:id/lines",
    policies: requires("purchase_order:update"),
    middlewares: [
      validateAndTransformBody(AdminEditPurchaseOrderLines),
      ...retrieve,
    ],
  },
  {
    methods: ["POST"],
    matcher: "/admin/purchase-orders/:id/send",
    policies: requires("purchase_order:send"),
    middlewares: [
      validateAndTransformBody(AdminSendPurchaseOrder),
      ...retrieve,
    ],
  },
  {
    methods: ["POST"],
    matcher: "/admin/purchase-orders/:id/send-to-supplier",
    policies: requires("purchase_order:send"),
    middlewares: [
      validateAndTransformBody(AdminSendPurchaseOrderToSupplier),
      ...retrieve,
    ],
  },
  {
    methods: ["POST"],
    matcher: "/admin/purchase-orders/:id/document",
    policies: requires("purchase_order:read"),
    middlewares: [validateAndTransformBody(AdminPurchaseOrderDocument)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/purchase-orders/:id/receive",
    policies: requires("purchase_order:receive"),
    middlewares: [
      validateAndTransformBody(AdminReceivePurchaseOrder),
      ...retrieve,
    ],
  },
  {
    methods: ["POST"],
    matcher: "/admin/purchase-orders/:id/complete",
    policies: requires("purchase_order:complete"),
    middlewares: [
      validateAndTransformBody(AdminCompletePurchaseOrder),
      ...retrieve,
    ],
  },
  {
    methods: ["POST"],
    matcher: "/admin/purchase-orders/:id/cancel",
    policies: requires("purchase_order:cancel"),
    middlewares: [...retrieve],
  },
]
