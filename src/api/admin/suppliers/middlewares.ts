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
import { refuseUnknownFields } from "../../utils/refuse-unknown-fields"

export const adminSupplierRoutesMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/suppliers",
    policies: requires("supplier:read"),
    middlewares: [
      validateAndTransformQuery(
        AdminGetSuppliersParams,
        listSupplierQueryConfig
      ),
      refuseUnknownFields("supplier"),
    ],
  },
  {
    methods: ["POST"],
    matcher: "/admin/suppliers",
    policies: requires("supplier:create"),
    middlewares: [
      validateAndTransformBody(AdminCreateSupplier),
      validateAndTransformQuery(
        AdminGetSupplierParams,
        retrieveSupplierQueryConfig
      ),
      refuseUnknownFields("supplier"),
    ],
  },
  {
    methods: ["GET"],
    matcher: "/admin/suppliers/:id",
    policies: requires("supplier:read"),
    middlewares: [
      validateAndTransformQuery(
        AdminGetSupplierParams,
        retrieveSupplierQueryConfig
      ),
      refuseUnknownFields("supplier"),
    ],
  },
  {
    methods: ["POST"],
    matcher: "/admin/suppliers/:id",
    policies: requires("supplier:update"),
    middlewares: [
      validateAndTransformBody(AdminUpdateSupplier),
      validateAndTransformQuery(
        AdminGetSupplierParams,
        retrieveSupplierQueryConfig
      ),
      refuseUnknownFields("supplier"),
    ],
  },
  {
    methods: ["GET"],
    matcher: "/admin/suppliers/:id/variants",
    policies: requires("supplier:read"),
    middlewares: [
      validateAndTransformQuery(
        AdminGetSupplierVariantsParams,
        listSupplierVariantQueryConfig
      ),
      refuseUnknownFields("supplier_variant"),
    ],
  },
  {
    methods: ["POST"],
    matcher: "/admin/suppliers/:id/variants",
    policies: requires("supplier:update"),
    middlewares: [validateAndTransformBody(AdminCreateSupplierVariant)],
  },
  {
    methods: ["POST"],
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
