import {
  MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import {
  listSupplierQueryConfig,
  listSupplierVariantQueryConfig,
  retrieveSupplierQueryConfig,
} from "./query-config"
import {
  AdminCreateSupplier,
  AdminCreateSupplierVariant,
  AdminGetSupplierParams,
  AdminGetSuppliersParams,
  AdminGetSupplierVariantsParams,
  AdminUpdateSupplier,
  AdminUpdateSupplierVariant,
} from "./validators"
import { requires } from "../../../types/policies"

export const adminSupplierRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/suppliers",
    policies: requires("supplier:read"),
    middlewares: [
      validateAndTransformQuery(
        AdminGetSuppliersParams,
        listSupplierQueryConfig
      ),
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/suppliers",
    policies: requires("supplier:create"),
    middlewares: [
      validateAndTransformBody(AdminCreateSupplier),
      validateAndTransformQuery(
        AdminGetSupplierParams,
        retrieveSupplierQueryConfig
      ),
    ],
  },
  {
    method: ["GET"],
    matcher: "/admin/suppliers/:id",
    policies: requires("supplier:read"),
    middlewares: [
      validateAndTransformQuery(
        AdminGetSupplierParams,
        retrieveSupplierQueryConfig
      ),
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/suppliers/:id",
    policies: requires("supplier:update"),
    middlewares: [
      validateAndTransformBody(AdminUpdateSupplier),
      validateAndTransformQuery(
        AdminGetSupplierParams,
        retrieveSupplierQueryConfig
      ),
    ],
  },
  {
    method: ["GET"],
    matcher: "/admin/suppliers/:id/variants",
    policies: requires("supplier:read"),
    middlewares: [
      validateAndTransformQuery(
        AdminGetSupplierVariantsParams,
        listSupplierVariantQueryConfig
      ),
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/suppliers/:id/variants",
    policies: requires("supplier:update"),
    middlewares: [validateAndTransformBody(AdminCreateSupplierVariant)],
  },
  {
    method: ["POST"],
    matcher: "/admin/suppliers/:id/variants/:variant_terms_id",
    policies: requires("supplier:update"),
    middlewares: [validateAndTransformBody(AdminUpdateSupplierVariant)],
  },
  {
    methods: ["DELETE"],
    matcher: "/admin/suppliers/:id",
    policies: requires("supplier:delete"),
  },
  {
    methods: ["DELETE"],
    matcher: "/admin/suppliers/:id/variants/:variant_terms_id",
    policies: requires("supplier:update"),
  },
]
