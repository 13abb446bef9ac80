/**
 * Awaits a request that must be refused and returns its status and body; a request that
 * succeeds fails the test.
 */
export async function refused(
  request: Promise<unknown>
): Promise<{ status: number; data: unknown }> {
  return request.then(
    () => {
      throw new Error("expected the request to be refused")
    },
    (e) => ({ status: e.response.status, data: e.response.data })
  )
}

/** The `api` client the integration test runner hands a suite. */
type Api = {
  post: (url: string, body: unknown, config: unknown) => Promise<any>
}

/** Receives every unit of a sent purchase order's first line. */
export async function receiveFirstLine(
  api: Api,
  admin: unknown,
  po: { id: string; lines: { id: string; quantity: number }[] }
) {
  const line = po.lines[0]
  return await api.post(
    `/admin/purchase-orders/${po.id}/receive`,
    { lines: [{ purchase_order_line_id: line.id, quantity: line.quantity }] },
    admin
  )
}

/**
 * Requests stock for these backorders (one purchase order, the preferred supplier) and
 * sends it: answers the purchase order as sent.
 */
export async function orderPurchaseOrder(
  api: Api,
  admin: unknown,
  backorderIds: string[]
) {
  const [po] = (
    await api.post(
      "/admin/purchase-orders/request-stock",
      { backorder_ids: backorderIds },
      admin
    )
  ).data.purchase_orders
  return (await api.post(`/admin/purchase-orders/${po.id}/send`, {}, admin))
    .data.purchase_order
}

/**
 * Orders stock for these backorders (`orderPurchaseOrder`) and receives all of it: their
 * units arrive and are allocated. Answers the purchase order as sent.
 */
export async function buyAndReceive(
  api: Api,
  admin: unknown,
  backorderIds: string[]
) {
  const po = await orderPurchaseOrder(api, admin, backorderIds)
  await receiveFirstLine(api, admin, po)
  return po
}
