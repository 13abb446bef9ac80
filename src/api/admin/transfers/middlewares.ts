import {
  MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import {
  listTransferQueryConfig,
  retrieveTransferQueryConfig,
} from "./query-config"
import {
  AdminGetTransferParams,
  AdminGetTransferSourcesParams,
  AdminGetTransfersParams,
  AdminReceiveTransfer,
  AdminRequestTransfer,
  AdminSendTransfer,
} from "./validators"

const retrieve = validateAndTransformQuery(
  AdminGetTransferParams,
  retrieveTransferQueryConfig
)

export const adminTransferRoutesMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/transfers",
    middlewares: [
      validateAndTransformQuery(
        AdminGetTransfersParams,
        listTransferQueryConfig
      ),
    ],
  },
  {
    methods: ["GET"],
    matcher: "/admin/transfers/sources",
    middlewares: [
      validateAndTransformQuery(AdminGetTransferSourcesParams, {
        defaults: [],
        isList: false,
      }),
    ],
  },
  {
    methods: ["POST"],
    matcher: "/admin/transfers/request-stock",
    middlewares: [validateAndTransformBody(AdminRequestTransfer), retrieve],
  },
  {
    methods: ["GET"],
    matcher: "/admin/transfers/:id",
    middlewares: [retrieve],
  },
  {
    methods: ["POST"],
    matcher: "/admin/transfers/:id/send",
    middlewares: [validateAndTransformBody(AdminSendTransfer), retrieve],
  },
  {
    methods: ["POST"],
    matcher: "/admin/transfers/:id/receive",
    middlewares: [validateAndTransformBody(AdminReceiveTransfer), retrieve],
  },
  {
    methods: ["POST"],
    matcher: "/admin/transfers/:id/cancel",
    middlewares: [retrieve],
  },
]
