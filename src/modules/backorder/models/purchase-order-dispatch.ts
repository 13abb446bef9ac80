import { model } from "@medusajs/framework/utils"
import PurchaseOrder from "./purchase-order"

/**
 * One sending of a purchase order's document to the supplier: to whom, when, by whom, the
 * document (a file of Medusa's File module) and the notification that carried it.
 */
const PurchaseOrderDispatch = model
  .define("purchase_order_dispatch", {
    id: model.id({ prefix: "podisp" }).primaryKey(),
    sent_to: model.text(),
    sent_at: model.dateTime(),
    sent_by: model.text().nullable(),
    file_id: model.text().nullable(),
    file_url: model.text().nullable(),
    notification_id: model.text().nullable(),
    note: model.text().nullable(),
    purchase_order: model.belongsTo(() => PurchaseOrder, {
      mappedBy: "dispatches",
    }),
  })
  .indexes([
    {
      name: "IDX_purchase_order_dispatch_purchase_order_id",
      on: ["purchase_order_id"],
      where: "deleted_at IS NULL",
    },
  ])

export default PurchaseOrderDispatch
