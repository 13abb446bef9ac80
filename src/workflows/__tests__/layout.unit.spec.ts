import fs from "node:fs"
import path from "node:path"
import ts from "typescript"

/**
 * The folder tree is the architecture: each workflow domain keeps its steps and helpers to
 * itself. Another domain reaches them only through the domain's index (`../../allocation`),
 * its workflows, or the shared folder (`src/workflows/shared`), never by a deep import of
 * its `steps/` or `utils/` files.
 */
const WORKFLOWS = path.resolve(__dirname, "..")
const DOMAINS = [
  "allocation",
  "backorders",
  "fulfilment",
  "notifications",
  "purchasing",
  "suppliers",
  "transfers",
]
const PRIVATE = ["steps", "utils"]

/** The domain (or `shared`) a file belongs to, if any. */
function ownerOf(file: string): string | null {
  const [first] = path.relative(WORKFLOWS, file).split(path.sep)
  return DOMAINS.includes(first) || first === "shared" ? first : null
}

/** The imports of `source` (a file at `file`) that reach into another domain's steps/utils. */
export function crossDomainImports(file: string, source: string): string[] {
  const owner = ownerOf(file)
  if (!owner) {
    return []
  }
  return ts
    .preProcessFile(source, true, true)
    .importedFiles.map((i) => i.fileName)
    .filter((specifier) => {
      if (!specifier.startsWith(".")) {
        return false
      }
      const target = path.relative(
        WORKFLOWS,
        path.resolve(path.dirname(file), specifier)
      )
      const [domain, folder] = target.split(path.sep)
      return (
        DOMAINS.includes(domain) && domain !== owner && PRIVATE.includes(folder)
      )
    })
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) {
      return sourceFiles(full)
    }
    return /\.tsx?$/.test(entry.name) ? [full] : []
  })
}

describe("workflow layout", () => {
  it("no domain imports another domain's steps or utils, and shared imports none", () => {
    const violations = sourceFiles(WORKFLOWS).flatMap((file) =>
      crossDomainImports(file, fs.readFileSync(file, "utf8")).map(
        (specifier) => `${path.relative(WORKFLOWS, file)} -> ${specifier}`
      )
    )
    expect(violations).toEqual([])
  })

  it("knows a cross-domain import when it sees one", () => {
    const file = path.join(WORKFLOWS, "transfers/workflows/receive-transfer.ts")
    expect(
      crossDomainImports(
        file,
        [
          'import { allocateArrivedStockStep } from "../../allocation/steps/allocate-arrived-stock"',
          'import { allocateArrivedStockStep as a } from "../../allocation"',
          'export { toNumber } from "../../shared/money"',
          'import { transferLockKey } from "../utils/transfer-lock"',
          'const lazy = () => import("../../purchasing/utils/rounding")',
          'import { MedusaError } from "@medusajs/framework/utils"',
        ].join("\n")
      )
    ).toEqual([
      "../../allocation/steps/allocate-arrived-stock",
      "../../purchasing/utils/rounding",
    ])
    expect(
      crossDomainImports(
        path.join(WORKFLOWS, "shared/steps/adjust-incoming-quantities.ts"),
        'import { x } from "../../backorders/utils/shortages"'
      )
    ).toEqual(["../../backorders/utils/shortages"])
  })
})
