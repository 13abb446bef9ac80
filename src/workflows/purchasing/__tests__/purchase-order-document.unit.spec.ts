import { extractText, getDocumentProxy } from "unpdf"
import {
  PurchaseOrderDocument,
  renderPurchaseOrderPdf,
} from "../utils/purchase-order-document"

const document: PurchaseOrderDocument = {
  number: "PO-0012",
  date: "2026-12-02T10:00:00.000Z",
  expected_at: "2026-12-09T00:00:00.000Z",
  currency_code: "eur",
  merchant: {
    name: "Canal Coffee Gear",
    address: ["1 Canal Street", "1012 Amsterdam", "NL"],
  },
  supplier: {
    name: "Nordic Coffee Supply",
    address: ["Industriveien 4", "0580 Oslo", "NO"],
    email: "orders@nordic.example",
  },
  deliver_to: {
    label: "Deliver to",
    name: "Warehouse",
    address: ["Havenweg 10", "3011 Rotterdam", "NL"],
  },
  lines: [
    {
      sku: "KETTLE-MATTE",
      supplier_sku: "NCS-K-01",
      title: "Pour-over kettle, Matte",
      quantity: 6,
      unit_cost: 39.5,
    },
    {
      sku: "GRINDER-WHITE",
      supplier_sku: "NCS-G-02",
      title: "Burr grinder, White",
      quantity: 2,
      unit_cost: 120,
    },
  ],
  notes: "Deliver between 9 and 17.",
  supplier_reference: "NCS-4471",
}

const textOf = async (pdf: Buffer) => {
  const proxy = await getDocumentProxy(new Uint8Array(pdf))
  const { text } = await extractText(proxy, { mergePages: true })
  return text.replace(/\s+/g, " ")
}

describe("renderPurchaseOrderPdf", () => {
  it("writes a PDF a supplier accepts: number, parties, delivery address, lines, totals, notes", async () => {
    const pdf = await renderPurchaseOrderPdf(document)
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-")
    const text = await textOf(pdf)
    for (const expected of [
      "Purchase order PO-0012",
      "Date: 2026-12-02",
      "Expected delivery: 2026-12-09",
      "Supplier reference: NCS-4471",
      "Canal Coffee Gear",
      "Nordic Coffee Supply",
      "orders@nordic.example",
      "Deliver to",
      "Havenweg 10",
      "NCS-K-01",
      "Pour-over kettle, Matte",
      "39.50 EUR",
      "237.00 EUR",
      "NCS-G-02",
      "120.00 EUR",
      "240.00 EUR",
      "Total: 477.00 EUR",
      "Deliver between 9 and 17.",
    ]) {
      expect(text).toContain(expected)
    }
  })

  it("leaves money out where a line has no cost", async () => {
    const pdf = await renderPurchaseOrderPdf({
      ...document,
      lines: [{ ...document.lines[0], unit_cost: null }],
      notes: null,
    })
    const text = await textOf(pdf)
    expect(text).toContain("Total: -")
    expect(text).not.toContain("Notes")
  })
})
