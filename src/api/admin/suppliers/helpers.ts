import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { defaultAdminSupplierVariantFields } from "./query-config"

export async function refetchSupplier(
  container: MedusaContainer,
  id: string,
  fields: string[]
) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [supplier],
  } = await query.graph(
    { entity: "supplier", fields, filters: { id } },
    { throwIfKeyNotFound: true }
  )
  return supplier
}

export async function refetchSupplierVariant(
  container: MedusaContainer,
  id: string
) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [terms],
  } = await query.graph(
    {
      entity: "supplier_variant",
      fields: defaultAdminSupplierVariantFields,
      filters: { id },
    },
    { throwIfKeyNotFound: true }
  )
  return terms
}
