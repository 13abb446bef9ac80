import { execFileSync } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { build, Metafile } from "esbuild"

jest.setTimeout(120000)

const ROOT = path.resolve(__dirname, "../..")
const OUT = path.join(ROOT, ".medusa/storefront")
const ENTRY = path.join(OUT, "index.mjs")
const REACT_ENTRY = path.join(OUT, "react/index.mjs")

/** A storefront's own bundle of the given code, as its bundler would tree-shake it. */
async function bundleOf(code: string) {
  const result = await build({
    stdin: { contents: code, resolveDir: ROOT, loader: "js" },
    bundle: true,
    format: "esm",
    platform: "neutral",
    write: false,
    metafile: true,
    minify: false,
    external: ["react", "react/jsx-runtime", "@medusajs/js-sdk"],
  })
  return {
    code: result.outputFiles[0].text,
    inputs: Object.keys(result.metafile.inputs),
  }
}

/**
 * The published storefront entry points (`npm run build:storefront`): no copy of React or
 * the js-sdk inside (the storefront brings its own), and importing the functions alone
 * pulls in no component code.
 */
describe("storefront entry points", () => {
  let metafile: Metafile

  beforeAll(() => {
    execFileSync(process.execPath, ["scripts/build-storefront.mjs"], {
      cwd: ROOT,
      stdio: "ignore",
    })
    metafile = JSON.parse(
      fs.readFileSync(path.join(OUT, "metafile.json"), "utf8")
    )
  })

  it("bundles only the plugin's own source and imports React and nothing else from outside", () => {
    const inputs = Object.keys(metafile.inputs)
    expect(inputs.filter((i) => !i.startsWith("src/"))).toEqual([])
    const imported = new Set(
      Object.values(metafile.outputs).flatMap((o) =>
        o.imports.filter((i) => i.external).map((i) => i.path)
      )
    )
    expect([...imported]).toEqual(["react/jsx-runtime"])
    for (const file of Object.keys(metafile.outputs)) {
      const source = fs.readFileSync(path.join(ROOT, file), "utf8")
      for (const marker of [
        "__SECRET_INTERNALS_DO_NOT_USE_OR_YOU_WILL_BE_FIRED",
        'Symbol.for("react.element")',
        "react.production",
        "class Client",
        "fetch-event-stream",
      ]) {
        expect(source.includes(marker)).toBe(false)
      }
    }
  })

  it("the functions' entry imports no component and no React", () => {
    const [output] = Object.entries(metafile.outputs).filter(
      ([, o]) => o.entryPoint === "src/storefront/index.ts"
    )
    const chunks = [output[0], ...output[1].imports.map((i) => i.path)]
    for (const file of chunks.filter((f) => f.startsWith(".medusa/"))) {
      const meta = metafile.outputs[file]
      expect(Object.keys(meta.inputs)).not.toContain(
        "src/storefront/react/index.tsx"
      )
      expect(meta.imports.filter((i) => i.external)).toEqual([])
    }
  })

  it("tree-shakes: a storefront importing only the functions gets no component code, one importing a component does", async () => {
    const functionsOnly = await bundleOf(
      `import { getBackorderAvailability } from ${JSON.stringify(ENTRY)}\nconsole.log(getBackorderAvailability)`
    )
    expect(functionsOnly.code).toContain("/store/backorder-availability")
    expect(functionsOnly.code).not.toContain("bo-availability")
    expect(functionsOnly.code).not.toContain("react")
    expect(functionsOnly.inputs).not.toContain(path.relative(ROOT, REACT_ENTRY))

    const withComponent = await bundleOf(
      `import { ProductAvailability } from ${JSON.stringify(REACT_ENTRY)}\nconsole.log(ProductAvailability)`
    )
    expect(withComponent.code).toContain("bo-availability")
    expect(withComponent.code).toContain('from "react/jsx-runtime"')
    expect(withComponent.code).not.toContain("bo-account-backorders")
  })

  it("is published: exports, files and optional peer dependencies", () => {
    const pkg = JSON.parse(
      fs.readFileSync(path.join(ROOT, "package.json"), "utf8")
    )
    expect(pkg.files).toContain(".medusa/storefront")
    expect(pkg.exports["./storefront"].import).toBe(
      "./.medusa/storefront/index.mjs"
    )
    expect(pkg.exports["./storefront/react"].import).toBe(
      "./.medusa/storefront/react/index.mjs"
    )
    for (const target of [
      pkg.exports["./storefront"].types,
      pkg.exports["./storefront/react"].types,
    ]) {
      expect(fs.existsSync(path.join(ROOT, target))).toBe(true)
    }
    expect(pkg.peerDependenciesMeta).toEqual({
      react: { optional: true },
      "@medusajs/js-sdk": { optional: true },
    })
  })
})
