import { parsePgTextArray } from "../queries/reporting"

describe("parsePgTextArray", () => {
  it("reads the elements of a text array literal as pg_stats shows them", () => {
    expect(parsePgTextArray(null)).toEqual([])
    expect(parsePgTextArray("{}")).toEqual([])
    expect(parsePgTextArray("{sup_a,sup_b}")).toEqual(["sup_a", "sup_b"])
    expect(
      parsePgTextArray('{"a, b","say \\"hi\\"",plain,"back\\\\slash"}')
    ).toEqual(["a, b", 'say "hi"', "plain", "back\\slash"])
  })
})
