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

export const adminSupplierRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/suppliers",
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
    middlewares: [validateAndTransformBody(AdminCreateSupplierVariant)],
  },
  {
    method: ["POST"],
    matcher: "/admin/suppliers/:id/variants/:variant_terms_id",
    middlewares: [validateAndTransformBody(AdminUpdateSupplierVariant)],
  },
]
