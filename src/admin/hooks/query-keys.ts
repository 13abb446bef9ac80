/**
 * A query-key factory in the shape of the dashboard's own: `all`, `lists`, `list(query)`,
 * `details`, `detail(id)`, so invalidating `all` refreshes every screen of a resource.
 */
export function queryKeysFactory<T extends string>(resource: T) {
  const keys = {
    all: ["backorders-plugin", resource] as const,
    lists: () => [...keys.all, "list"] as const,
    list: (query?: unknown) => [...keys.lists(), { query }] as const,
    details: () => [...keys.all, "detail"] as const,
    detail: (id: string, query?: unknown) =>
      [...keys.details(), id, { query }] as const,
  }
  return keys
}

export const backorderQueryKeys = queryKeysFactory("backorder")
export const purchaseOrderQueryKeys = queryKeysFactory("purchase_order")
export const supplierQueryKeys = queryKeysFactory("supplier")
