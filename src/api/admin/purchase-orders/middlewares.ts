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

const retrieve = validateAndTransformQuery(
  AdminGetPurchaseOrderParams,
  retrievePurchaseOrderQueryConfig
)

export const adminPurchaseOrderRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/purchase-orders",
    middlewares: [
      validateAndTransformQuery(
        AdminGetPurchaseOrdersParams,
        listPurchaseOrderQueryConfig
      ),
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/purchase-orders",
    middlewares: [validateAndTransformBody(AdminCreatePurchaseOrder), retrieve],
  },
  {
    method: ["POST"],
    matcher: "/admin/purchase-orders/request-stock",
    middlewares: [validateAndTransformBody(AdminRequestStock), retrieve],
  },
  {
    method: ["GET"],
    matcher: "/admin/purchase-orders/:id",
    middlewares: [retrieve],
  },
  {
    method: ["POST"],
    matcher: "/admin/purchase-orders/:id",
    middlewares: [validateAndTransformBody(AdminUpdatePurchaseOrder), retrieve],
  },
  {
    method: ["POST"],
    matcher: "/admin/purchase-orders/:id/lines",
    middlewares: [
      validateAndTransformBody(AdminEditPurchaseOrderLines),
      retrieve,
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/purchase-orders/:id/send",
    middlewares: [validateAndTransformBody(AdminSendPurchaseOrder), retrieve],
  },
  {
    methods: ["POST"],
    matcher: "/admin/purchase-orders/:id/send-to-supplier",
    middlewares: [
      validateAndTransformBody(AdminSendPurchaseOrderToSupplier),
      retrieve,
    ],
  },
  {
    methods: ["POST"],
    matcher: "/admin/purchase-orders/:id/document",
    middlewares: [validateAndTransformBody(AdminPurchaseOrderDocument)],
  },
  {
    method: ["POST"],
    matcher: "/admin/purchase-orders/:id/receive",
    middlewares: [
      validateAndTransformBody(AdminReceivePurchaseOrder),
      retrieve,
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/purchase-orders/:id/complete",
    middlewares: [
      validateAndTransformBody(AdminCompletePurchaseOrder),
      retrieve,
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/purchase-orders/:id/cancel",
    middlewares: [retrieve],
  },
]
