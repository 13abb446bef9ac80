import PDFDocument from "pdfkit"

/** Everything a supplier needs on a purchase order, already formatted by the caller. */
export type PurchaseOrderDocument = {
  number: string
  /** ISO dates: the document passes between workflow steps as JSON. */
  date: string
  expected_at: string | null
  currency_code: string | null
  merchant: { name: string; address: string[] }
  supplier: { name: string; address: string[]; email: string | null }
  /** The stock location it is delivered to, or the customer for a dropship. */
  deliver_to: { label: string; name: string; address: string[] }
  lines: {
    sku: string | null
    supplier_sku: string | null
    title: string | null
    quantity: number
    unit_cost: number | null
  }[]
  notes: string | null
  supplier_reference: string | null
}

export function documentTotals(doc: PurchaseOrderDocument) {
  const lines = doc.lines.map((line) => ({
    ...line,
    total:
      line.unit_cost === null
        ? null
        : Math.round(line.unit_cost * line.quantity * 100) / 100,
  }))
  const total = lines.every((l) => l.total !== null)
    ? Math.round(lines.reduce((sum, l) => sum + l.total!, 0) * 100) / 100
    : null
  return { lines, total }
}

export function formatMoney(amount: number | null, currency: string | null) {
  if (amount === null) {
    return "-"
  }
  const code = (currency ?? "").toUpperCase()
  return `${amount.toFixed(2)}${code ? ` ${code}` : ""}`
}

const day = (date: string) => new Date(date).toISOString().slice(0, 10)

/**
 * Renders a purchase order as a one-document PDF a supplier would accept: merchant and
 * supplier, number, dates, delivery address, lines with the supplier's SKU, quantities, unit
 * costs and totals, notes. Text is written uncompressed-independent (pdfkit's standard fonts),
 * so the document can be read back by any PDF text extractor.
 */
export function renderPurchaseOrderPdf(
  doc: PurchaseOrderDocument
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({
      size: "A4",
      margin: 50,
      info: {
        Title: `Purchase order ${doc.number}`,
        Author: doc.merchant.name,
      },
    })
    const chunks: Buffer[] = []
    pdf.on("data", (chunk: Buffer) => chunks.push(chunk))
    pdf.on("end", () => resolve(Buffer.concat(chunks)))
    pdf.on("error", reject)

    const { lines, total } = documentTotals(doc)
    const left = 50
    const width = pdf.page.width - 100

    pdf.font("Helvetica-Bold").fontSize(18).text(`Purchase order ${doc.number}`)
    pdf.moveDown(0.3)
    pdf
      .font("Helvetica")
      .fontSize(10)
      .text(`Date: ${day(doc.date)}`)
      .text(
        `Expected delivery: ${doc.expected_at ? day(doc.expected_at) : "-"}`
      )
    if (doc.supplier_reference) {
      pdf.text(`Supplier reference: ${doc.supplier_reference}`)
    }
    pdf.moveDown()

    const block = (title: string, name: string, address: string[]) => {
      pdf.font("Helvetica-Bold").text(title)
      pdf.font("Helvetica").text(name)
      for (const line of address) {
        pdf.text(line)
      }
      pdf.moveDown(0.7)
    }
    block("From", doc.merchant.name, doc.merchant.address)
    block("To", doc.supplier.name, [
      ...doc.supplier.address,
      ...(doc.supplier.email ? [doc.supplier.email] : []),
    ])
    block(doc.deliver_to.label, doc.deliver_to.name, doc.deliver_to.address)

    const columns = [
      { title: "Supplier SKU", x: left, w: 90 },
      { title: "Item", x: left + 95, w: 185 },
      { title: "Quantity", x: left + 285, w: 55 },
      { title: "Unit cost", x: left + 345, w: 75 },
      { title: "Total", x: left + 425, w: width - 425 },
    ]
    const row = (cells: string[], bold = false) => {
      const y = pdf.y
      pdf.font(bold ? "Helvetica-Bold" : "Helvetica")
      let bottom = y
      cells.forEach((cell, i) => {
        pdf.text(cell, columns[i].x, y, { width: columns[i].w })
        bottom = Math.max(bottom, pdf.y)
      })
      pdf.x = left
      pdf.y = bottom + 4
    }
    row(
      columns.map((c) => c.title),
      true
    )
    for (const line of lines) {
      row([
        line.supplier_sku ?? line.sku ?? "-",
        line.title ?? line.sku ?? "-",
        String(line.quantity),
        formatMoney(line.unit_cost, doc.currency_code),
        formatMoney(line.total, doc.currency_code),
      ])
    }
    pdf.moveDown(0.5)
    pdf
      .font("Helvetica-Bold")
      .text(`Total: ${formatMoney(total, doc.currency_code)}`, left, pdf.y, {
        width,
        align: "right",
      })
    if (doc.notes) {
      pdf.moveDown()
      pdf.font("Helvetica-Bold").text("Notes", left)
      pdf.font("Helvetica").text(doc.notes, { width })
    }
    pdf.end()
  })
}
