import {
  MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import {
  listTransferQueryConfig,
  retrieveTransferQueryConfig,
  transferSourcesQueryConfig,
} from "./query-config"
import {
  AdminGetTransferParams,
  AdminGetTransferSourcesParams,
  AdminGetTransfersParams,
  AdminReceiveTransfer,
  AdminRequestTransfer,
  AdminSendTransfer,
} from "./validators"
import { requires } from "../../../types/policies"
import { refuseUnknownFields } from "../../utils/refuse-unknown-fields"

// Checked before the route runs: a mutating route answers with these fields only after its
// change is made.
const retrieve = [
  validateAndTransformQuery(
    AdminGetTransferParams,
    retrieveTransferQueryConfig
  ),
  refuseUnknownFields("transfer"),
]

export const adminTransferRoutesMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/transfers",
    policies: requires("transfer:read"),
    middlewares: [
      validateAndTransformQuery(
        AdminGetTransfersParams,
        listTransferQueryConfig
      ),
      refuseUnknownFields("transfer"),
    ],
  },
  {
    methods: ["GET"],
    matcher: "/admin/transfers/sources",
    policies: requires("transfer:read"),
    middlewares: [
      validateAndTransformQuery(
        AdminGetTransferSourcesParams,
        transferSourcesQueryConfig
      ),
    ],
  },
  {
    methods: ["POST"],
    matcher: "/admin/transfers/request-stock",
    policies: requires("transfer:create"),
    middlewares: [validateAndTransformBody(AdminRequestTransfer), ...retrieve],
  },
  {
    methods: ["GET"],
    matcher: "/admin/transfers/:id",
    policies: requires("transfer:read"),
    middlewares: [...retrieve],
  },
  {
    methods: ["POST"],
    matcher: "/admin/transfers/:id/send",
    policies: requires("transfer:send"),
    middlewares: [validateAndTransformBody(AdminSendTransfer), ...retrieve],
  },
  {
    methods: ["POST"],
    matcher: "/admin/transfers/:id/receive",
    policies: requires("transfer:receive"),
    middlewares: [validateAndTransformBody(AdminReceiveTransfer), ...retrieve],
  },
  {
    methods: ["POST"],
    matcher: "/admin/transfers/:id/cancel",
    policies: requires("transfer:cancel"),
    middlewares: [...retrieve],
  },
]
