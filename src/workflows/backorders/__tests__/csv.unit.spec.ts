import { csvField, toCsv } from "../utils/csv"

describe("toCsv", () => {
  it("quotes separators, quotes and line breaks, and leaves plain values alone", () => {
    expect(
      toCsv(
        ["sku", "title", "quantity", "promised_at"],
        [
          [
            "KETTLE-MATTE",
            'Kettle "Matte", 1 l',
            2,
            new Date("2026-12-09T00:00:00Z"),
          ],
          ["GRINDER", "Two\nlines", -3, null],
        ]
      )
    ).toBe(
      'sku,title,quantity,promised_at\r\nKETTLE-MATTE,"Kettle ""Matte"", 1 l",2,2026-12-09T00:00:00.000Z\r\nGRINDER,"Two\nlines",-3,\r\n'
    )
  })

  it("defuses values a spreadsheet would run as formulas", () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(
      '"\'=HYPERLINK(""http://x"")"'
    )
    expect(csvField("+31 6 1234")).toBe("'+31 6 1234")
    expect(csvField("@sum")).toBe("'@sum")
    expect(csvField("-12.5")).toBe("-12.5")
  })
})
