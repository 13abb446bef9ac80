import { z } from "@medusajs/framework/zod"
import { id, ids, metadata, text } from "../utils/validators"

/** The messages of the issues a schema finds in `input`, as the API would show them. */
const messages = (schema: z.ZodType, input: unknown) => {
  const result = schema.safeParse(input)
  return result.success ? [] : result.error.issues.map((i) => i.message)
}

describe("lone UTF-16 surrogates", () => {
  const body = z.object({
    name: text(200),
    notes: text(5000, { multiline: true }).optional(),
    variant_id: id().optional(),
    variant_ids: ids().optional(),
    metadata: metadata().optional(),
  })

  it("refuses one in text and ids, naming the field", () => {
    expect(messages(body, { name: "a\ud800" })).toEqual([
      "Field 'name' must not contain a lone UTF-16 surrogate",
    ])
    expect(messages(body, { name: "x", notes: "line\n\udfff" })).toEqual([
      "Field 'notes' must not contain a lone UTF-16 surrogate",
    ])
    // A low surrogate before a high one is two lone surrogates, not a pair.
    expect(messages(body, { name: "\udc00\ud800" })).toEqual([
      "Field 'name' must not contain a lone UTF-16 surrogate",
    ])
    expect(messages(body, { name: "x", variant_id: "variant_\ud800" })).toEqual(
      ["Field 'variant_id' must not contain a lone UTF-16 surrogate"]
    )
    expect(
      messages(body, { name: "x", variant_ids: ["variant_1", "v\ud800"] })
    ).toHaveLength(1)
  })

  it("refuses one anywhere in metadata, naming the key that holds it", () => {
    expect(messages(body, { name: "x", metadata: { a: "\ud800" } })).toEqual([
      "Field 'metadata, a' must not contain a lone UTF-16 surrogate",
    ])
    expect(
      messages(body, {
        name: "x",
        metadata: { ok: "😀", list: [1, { deep: ["y", "z\udc00"] }] },
      })
    ).toEqual([
      "Field 'metadata, list, 1, deep, 1' must not contain a lone UTF-16 surrogate",
    ])
    // In a key: the object holding the key is named (the key itself cannot be shown).
    expect(
      messages(body, { name: "x", metadata: { nested: { "k\ud800": 1 } } })
    ).toEqual([
      "Field 'metadata, nested' must not contain a lone UTF-16 surrogate",
    ])
  })

  it("accepts surrogate pairs (emoji and other characters beyond U+FFFF)", () => {
    expect(
      body.parse({
        name: "Café 😀",
        notes: "𝄞 clef",
        variant_id: "variant_😀",
        metadata: { "😀": ["𝄞", { a: "😀" }] },
      })
    ).toEqual({
      name: "Café 😀",
      notes: "𝄞 clef",
      variant_id: "variant_😀",
      metadata: { "😀": ["𝄞", { a: "😀" }] },
    })
  })
})
