import { MedusaContainer } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  Modules,
  ProductStatus,
} from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createInventoryLevelsWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  createTaxRegionsWorkflow,
  createUsersWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import { BACKORDER_MODULE } from "../../src/modules/backorder"
import BackorderModuleService from "../../src/modules/backorder/service"

export const DEMO_ADMIN = {
  email: "admin@example.com",
  password: "supersecret",
}

/** The demo customer's storefront login (`npm run demo:storefront`, Account page). */
export const DEMO_CUSTOMER = {
  email: "jane@example.com",
  password: "supersecret",
}

const COUNTRIES = ["fr", "de", "nl", "be", "dk", "se", "es", "it"]

type StockPlan = { shop: number; warehouse: number }

type DemoVariant = {
  title: string
  sku: string
  price: number
  // Price breaks (POSitive): a lower unit price from a quantity up.
  breaks?: { min_quantity: number; amount: number }[]
  allow_backorder: boolean
  stock: StockPlan
}

type DemoProduct = {
  title: string
  handle: string
  description: string
  variants: DemoVariant[]
}

/**
 * In stock, short, and at zero with `allow_backorder`: every later feature has something to
 * show on these.
 */
const PRODUCTS: DemoProduct[] = [
  {
    title: "Espresso Machine",
    handle: "espresso-machine",
    description: "A dual-boiler espresso machine. Plenty in stock.",
    variants: [
      {
        title: "Steel",
        sku: "ESPRESSO-STEEL",
        price: 899,
        allow_backorder: false,
        stock: { shop: 5, warehouse: 20 },
      },
    ],
  },
  {
    title: "Burr Grinder",
    handle: "burr-grinder",
    description:
      "A flat burr grinder. Short: fewer on hand than customers ask for.",
    variants: [
      {
        title: "Black",
        sku: "GRINDER-BLACK",
        price: 249,
        allow_backorder: false,
        stock: { shop: 1, warehouse: 2 },
      },
      {
        title: "White",
        sku: "GRINDER-WHITE",
        price: 249,
        allow_backorder: true,
        stock: { shop: 2, warehouse: 1 },
      },
    ],
  },
  {
    title: "Gooseneck Kettle",
    handle: "gooseneck-kettle",
    description: "Out of stock everywhere, sold on backorder.",
    variants: [
      {
        title: "Matte Black",
        sku: "KETTLE-MATTE",
        price: 79,
        allow_backorder: true,
        stock: { shop: 0, warehouse: 0 },
      },
    ],
  },
  {
    title: "House Blend Beans 1 kg",
    handle: "house-blend-beans",
    description: "Price breaks from 3 bags; few bags in the shop.",
    variants: [
      {
        title: "Whole bean",
        sku: "BEANS-HOUSE-1KG",
        price: 25,
        breaks: [{ min_quantity: 3, amount: 20 }],
        allow_backorder: true,
        stock: { shop: 2, warehouse: 10 },
      },
    ],
  },
]

const SUPPLIERS = [
  {
    code: "NCS",
    name: "Nordic Coffee Supply",
    email: "orders@nordic-coffee.example",
    contact_name: "Freja Lund",
    currency_code: "eur",
    default_lead_time_days: 7,
    terms: [
      {
        sku: "ESPRESSO-STEEL",
        supplier_sku: "NCS-ESP-01",
        unit_cost: 540,
        lead_time_days: 7,
        moq: 1,
        case_pack: 1,
        preferred: true,
      },
      {
        sku: "GRINDER-BLACK",
        supplier_sku: "NCS-GR-B",
        unit_cost: 140,
        lead_time_days: 5,
        moq: 2,
        case_pack: 2,
        preferred: true,
      },
      {
        sku: "GRINDER-WHITE",
        supplier_sku: "NCS-GR-W",
        unit_cost: 140,
        lead_time_days: 5,
        moq: 2,
        case_pack: 2,
        preferred: true,
      },
    ],
  },
  {
    code: "BWW",
    name: "Brewware Wholesale",
    email: "purchasing@brewware.example",
    contact_name: "Tom Baker",
    currency_code: "eur",
    default_lead_time_days: 14,
    terms: [
      {
        sku: "KETTLE-MATTE",
        supplier_sku: "BW-KTL-MB",
        unit_cost: 38,
        lead_time_days: 14,
        moq: 6,
        case_pack: 6,
        preferred: true,
      },
      {
        sku: "BEANS-HOUSE-1KG",
        supplier_sku: "BW-HB-1000",
        unit_cost: 11,
        lead_time_days: 3,
        moq: 10,
        case_pack: 5,
        preferred: true,
      },
      {
        sku: "GRINDER-BLACK",
        supplier_sku: "BW-GRD-BLK",
        unit_cost: 150,
        lead_time_days: 21,
        moq: 1,
        case_pack: 1,
        preferred: false,
      },
    ],
  },
]

export type DemoStore = {
  regionId: string
  shopLocationId: string
  warehouseLocationId: string
  posChannelId: string
  webChannelId: string
  publishableKey: string
  customerId: string
  variantIdsBySku: Record<string, string>
  supplierIdsByCode: Record<string, string>
}

/**
 * Seeds the demo store idempotently: every record is looked up by a natural key (name,
 * handle, SKU, email, code) first and only created when missing, so running it twice
 * changes nothing.
 */
export async function seedDemoStore(
  container: MedusaContainer
): Promise<DemoStore> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const storeModule = container.resolve(Modules.STORE)
  const salesChannelModule = container.resolve(Modules.SALES_CHANNEL)
  const regionModule = container.resolve(Modules.REGION)
  const taxModule = container.resolve(Modules.TAX)
  const stockLocationModule = container.resolve(Modules.STOCK_LOCATION)
  const fulfillmentModule = container.resolve(Modules.FULFILLMENT)
  const apiKeyModule = container.resolve(Modules.API_KEY)
  const productModule = container.resolve(Modules.PRODUCT)
  const inventoryModule = container.resolve(Modules.INVENTORY)
  const customerModule = container.resolve(Modules.CUSTOMER)
  const userModule = container.resolve(Modules.USER)
  const authModule = container.resolve(Modules.AUTH)
  const backorderModule: BackorderModuleService =
    container.resolve(BACKORDER_MODULE)

  // Sales channels: the shop's point of sale and the webshop.
  const channel = async (name: string, description: string) => {
    const [existing] = await salesChannelModule.listSalesChannels({ name })
    if (existing) {
      return existing
    }
    const { result } = await createSalesChannelsWorkflow(container).run({
      input: { salesChannelsData: [{ name, description }] },
    })
    return result[0]
  }
  const posChannel = await channel("Shop POS", "Point of sale in the shop")
  const webChannel = await channel("Webshop", "The online store")

  const [store] = await storeModule.listStores()
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: {
        name: "Brew & Co",
        supported_currencies: [{ currency_code: "eur", is_default: true }],
        default_sales_channel_id: webChannel.id,
      },
    },
  })

  let [region] = await regionModule.listRegions({ name: "Europe" })
  if (!region) {
    const { result } = await createRegionsWorkflow(container).run({
      input: {
        regions: [
          {
            name: "Europe",
            currency_code: "eur",
            countries: COUNTRIES,
            payment_providers: ["pp_system_default"],
          },
        ],
      },
    })
    region = result[0]
  }

  const taxRegions = await taxModule.listTaxRegions({ country_code: COUNTRIES })
  const missingTax = COUNTRIES.filter(
    (country) => !taxRegions.some((t) => t.country_code === country)
  )
  if (missingTax.length) {
    await createTaxRegionsWorkflow(container).run({
      input: missingTax.map((country_code) => ({
        country_code,
        provider_id: "tp_system",
      })),
    })
  }

  const [shippingProfile] = await fulfillmentModule
    .listShippingProfiles({ type: "default" })
    .then(async (profiles) => {
      if (profiles.length) {
        return profiles
      }
      const { result } = await createShippingProfilesWorkflow(container).run({
        input: {
          data: [{ name: "Default Shipping Profile", type: "default" }],
        },
      })
      return result
    })

  // Two stock locations: the shop (POS, pick-up) and the warehouse (webshop, shipping).
  const location = async (
    name: string,
    address: { city: string; country_code: string; address_1: string },
    salesChannelId: string,
    fulfillment: {
      type: "pickup" | "shipping"
      option: string
      code: string
      amount: number
    }
  ) => {
    let [existing] = await stockLocationModule.listStockLocations({ name })
    if (!existing) {
      const { result } = await createStockLocationsWorkflow(container).run({
        input: { locations: [{ name, address }] },
      })
      existing = result[0]
      await link.create({
        [Modules.STOCK_LOCATION]: { stock_location_id: existing.id },
        [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
      })
      await linkSalesChannelsToStockLocationWorkflow(container).run({
        input: { id: existing.id, add: [salesChannelId] },
      })
    }

    const setName = `${name} ${fulfillment.type}`
    let [fulfillmentSet] = await fulfillmentModule.listFulfillmentSets(
      { name: setName },
      { relations: ["service_zones"] }
    )
    if (!fulfillmentSet) {
      fulfillmentSet = await fulfillmentModule.createFulfillmentSets({
        name: setName,
        type: fulfillment.type,
        service_zones: [
          {
            name: `${name} zone`,
            geo_zones: COUNTRIES.map((country_code) => ({
              country_code,
              type: "country" as const,
            })),
          },
        ],
      })
      await link.create({
        [Modules.STOCK_LOCATION]: { stock_location_id: existing.id },
        [Modules.FULFILLMENT]: { fulfillment_set_id: fulfillmentSet.id },
      })
    }

    const [option] = await fulfillmentModule.listShippingOptions({
      name: fulfillment.option,
    })
    if (!option) {
      await createShippingOptionsWorkflow(container).run({
        input: [
          {
            name: fulfillment.option,
            price_type: "flat",
            provider_id: "manual_manual",
            service_zone_id: fulfillmentSet.service_zones[0].id,
            shipping_profile_id: shippingProfile.id,
            type: {
              label: fulfillment.option,
              description: fulfillment.option,
              code: fulfillment.code,
            },
            prices: [
              { currency_code: "eur", amount: fulfillment.amount },
              { region_id: region.id, amount: fulfillment.amount },
            ],
            rules: [
              { attribute: "enabled_in_store", value: "true", operator: "eq" },
              { attribute: "is_return", value: "false", operator: "eq" },
            ],
          },
        ],
      })
    }
    return existing
  }

  const shop = await location(
    "Shop",
    { city: "Lyon", country_code: "FR", address_1: "12 Rue de la République" },
    posChannel.id,
    { type: "pickup", option: "Pick up in the shop", code: "pickup", amount: 0 }
  )
  const warehouse = await location(
    "Warehouse",
    { city: "Rotterdam", country_code: "NL", address_1: "Havenweg 4" },
    webChannel.id,
    {
      type: "shipping",
      option: "Standard shipping",
      code: "standard",
      amount: 6,
    }
  )

  let [apiKey] = await apiKeyModule.listApiKeys({
    title: "Webshop",
    type: "publishable",
  })
  if (!apiKey) {
    const { result } = await createApiKeysWorkflow(container).run({
      input: {
        api_keys: [{ title: "Webshop", type: "publishable", created_by: "" }],
      },
    })
    apiKey = result[0]
    await linkSalesChannelsToApiKeyWorkflow(container).run({
      input: { id: apiKey.id, add: [webChannel.id] },
    })
  }

  // Products, sold in both channels.
  const existingProducts = await productModule.listProducts({
    handle: PRODUCTS.map((p) => p.handle),
  })
  const missingProducts = PRODUCTS.filter(
    (p) => !existingProducts.some((e) => e.handle === p.handle)
  )
  if (missingProducts.length) {
    await createProductsWorkflow(container).run({
      input: {
        products: missingProducts.map((product) => ({
          title: product.title,
          handle: product.handle,
          description: product.description,
          status: ProductStatus.PUBLISHED,
          shipping_profile_id: shippingProfile.id,
          options: [
            { title: "Variant", values: product.variants.map((v) => v.title) },
          ],
          variants: product.variants.map((variant) => ({
            title: variant.title,
            sku: variant.sku,
            manage_inventory: true,
            allow_backorder: variant.allow_backorder,
            options: { Variant: variant.title },
            prices: [
              { amount: variant.price, currency_code: "eur" },
              ...(variant.breaks ?? []).map((b) => ({
                amount: b.amount,
                currency_code: "eur",
                min_quantity: b.min_quantity,
              })),
            ],
          })),
          sales_channels: [{ id: posChannel.id }, { id: webChannel.id }],
        })),
      },
    })
  }

  const allVariants = PRODUCTS.flatMap((p) => p.variants)
  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: ["id", "sku", "inventory_items.inventory_item_id"],
    filters: { sku: allVariants.map((v) => v.sku) },
  })
  const variantIdsBySku: Record<string, string> = {}
  const inventoryItemIdsBySku: Record<string, string> = {}
  for (const variant of variants) {
    variantIdsBySku[variant.sku!] = variant.id
    inventoryItemIdsBySku[variant.sku!] =
      variant.inventory_items![0]!.inventory_item_id
  }

  const levels = await inventoryModule.listInventoryLevels({
    inventory_item_id: Object.values(inventoryItemIdsBySku),
  })
  const missingLevels = allVariants.flatMap((variant) =>
    [
      { location_id: shop.id, stocked_quantity: variant.stock.shop },
      { location_id: warehouse.id, stocked_quantity: variant.stock.warehouse },
    ]
      .map((level) => ({
        ...level,
        inventory_item_id: inventoryItemIdsBySku[variant.sku],
      }))
      .filter(
        (level) =>
          !levels.some(
            (l) =>
              l.inventory_item_id === level.inventory_item_id &&
              l.location_id === level.location_id
          )
      )
  )
  if (missingLevels.length) {
    await createInventoryLevelsWorkflow(container).run({
      input: { inventory_levels: missingLevels },
    })
  }

  // Suppliers and their terms per variant.
  const supplierIdsByCode: Record<string, string> = {}
  for (const { terms, ...data } of SUPPLIERS) {
    let [supplier] = await backorderModule.listSuppliers({ code: data.code })
    if (!supplier) {
      supplier = await backorderModule.createSuppliers(data)
    }
    supplierIdsByCode[data.code] = supplier.id
    const existingTerms = await backorderModule.listSupplierVariants({
      supplier_id: supplier.id,
    })
    const missingTerms = terms.filter(
      (t) => !existingTerms.some((e) => e.variant_id === variantIdsBySku[t.sku])
    )
    if (missingTerms.length) {
      await backorderModule.createSupplierVariants(
        missingTerms.map((t) => ({
          supplier_id: supplier.id,
          variant_id: variantIdsBySku[t.sku],
          inventory_item_id: inventoryItemIdsBySku[t.sku],
          supplier_sku: t.supplier_sku,
          unit_cost: t.unit_cost,
          currency_code: data.currency_code,
          lead_time_days: t.lead_time_days,
          minimum_order_quantity: t.moq,
          case_pack: t.case_pack,
          is_preferred: t.preferred,
        }))
      )
    }
  }

  let [customer] = await customerModule.listCustomers({
    email: "jane@example.com",
  })
  if (!customer) {
    customer = await customerModule.createCustomers({
      first_name: "Jane",
      last_name: "Doe",
      email: "jane@example.com",
      phone: "+33 4 72 00 00 00",
      addresses: [
        {
          first_name: "Jane",
          last_name: "Doe",
          address_1: "3 Place Bellecour",
          city: "Lyon",
          postal_code: "69002",
          country_code: "fr",
          is_default_shipping: true,
          is_default_billing: true,
        },
      ],
    })
  }

  const [customerLogin] = await authModule.listProviderIdentities({
    entity_id: DEMO_CUSTOMER.email,
    provider: "emailpass",
  })
  if (!customerLogin) {
    const { authIdentity, error } = await authModule.register("emailpass", {
      body: { email: DEMO_CUSTOMER.email, password: DEMO_CUSTOMER.password },
    })
    if (error || !authIdentity) {
      throw new Error(`Could not register the demo customer: ${error}`)
    }
    await authModule.updateAuthIdentities({
      id: authIdentity.id,
      app_metadata: { customer_id: customer.id },
    })
  }

  const [adminUser] = await userModule.listUsers({ email: DEMO_ADMIN.email })
  if (!adminUser) {
    const { result: users } = await createUsersWorkflow(container).run({
      input: {
        users: [
          {
            email: DEMO_ADMIN.email,
            first_name: "Demo",
            last_name: "Admin",
            // With Medusa's RBAC on, the demo admin may do everything, as `medusa user` does.
            ...(container.hasRegistration(Modules.RBAC)
              ? { roles: ["role_super_admin"] }
              : {}),
          },
        ],
      },
    })
    const { authIdentity, error } = await authModule.register("emailpass", {
      body: { email: DEMO_ADMIN.email, password: DEMO_ADMIN.password },
    })
    if (error || !authIdentity) {
      throw new Error(`Could not register the demo admin: ${error}`)
    }
    await authModule.updateAuthIdentities({
      id: authIdentity.id,
      app_metadata: { user_id: users[0].id },
    })
  }

  logger.info("Demo store ready.")
  return {
    regionId: region.id,
    shopLocationId: shop.id,
    warehouseLocationId: warehouse.id,
    posChannelId: posChannel.id,
    webChannelId: webChannel.id,
    publishableKey: apiKey.token,
    customerId: customer.id,
    variantIdsBySku,
    supplierIdsByCode,
  }
}
