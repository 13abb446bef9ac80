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

/**
 * One locking rule: a workflow takes the locks its steps need (`acquireWorkflowLock`, sorted,
 * all at once) and its steps assume them. Only code that has no workflow of ours to compose
 * takes a lock itself with `withLock`; each such file is listed here with the reason.
 */
export const WITH_LOCK_EXCEPTIONS: Record<string, string> = {
  // Runs in the handlers of Medusa's fulfilment hooks: no composition to add a lock step to,
  // and the keys come from the fulfilment the hook hands over.
  [path.join("fulfilment", "utils", "reconcile-fulfilment.ts")]:
    "Medusa fulfilment hooks",
}

/** The lines of `source` that call `withLock(...)` (comments and strings do not count). */
export function withLockCalls(source: string): number[] {
  const file = ts.createSourceFile("f.ts", source, ts.ScriptTarget.Latest, true)
  const lines: number[] = []
  const visit = (node: ts.Node) => {
    if (
      ts.isCallExpression(node) &&
      ((ts.isIdentifier(node.expression) &&
        node.expression.text === "withLock") ||
        (ts.isPropertyAccessExpression(node.expression) &&
          node.expression.name.text === "withLock"))
    ) {
      lines.push(file.getLineAndCharacterOfPosition(node.getStart()).line + 1)
    }
    ts.forEachChild(node, visit)
  }
  visit(file)
  return lines
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

  it("takes locks only in workflows: no step, util or hook calls withLock but the listed exceptions", () => {
    const violations = sourceFiles(WORKFLOWS)
      .filter((file) => !file.includes(`${path.sep}__tests__${path.sep}`))
      .filter(
        (file) => !(path.relative(WORKFLOWS, file) in WITH_LOCK_EXCEPTIONS)
      )
      .flatMap((file) =>
        withLockCalls(fs.readFileSync(file, "utf8")).map(
          (line) => `${path.relative(WORKFLOWS, file)}:${line}`
        )
      )
    expect(violations).toEqual([])
  })

  it("knows a withLock call when it sees one", () => {
    expect(
      withLockCalls(
        [
          "// withLock(container, keys, job) in a comment",
          'const s = "withLock(container)"',
          "await withLock(container, keys, async () => {})",
          "await locking.withLock(container, keys, job)",
          "const lock = acquireWorkflowLock(keys, owner)",
        ].join("\n")
      )
    ).toEqual([3, 4])
  })

  it("lists only exceptions that exist and still take a lock themselves", () => {
    for (const file of Object.keys(WITH_LOCK_EXCEPTIONS)) {
      const source = fs.readFileSync(path.join(WORKFLOWS, file), "utf8")
      expect({ file, calls: withLockCalls(source).length > 0 }).toEqual({
        file,
        calls: true,
      })
    }
  })
})
