// Builds the storefront entry points `medusa-plugin-backorders/storefront` and
// `medusa-plugin-backorders/storefront/react` from `src/storefront` into `.medusa/storefront`:
// ES modules (esbuild, code shared by both entries in a chunk, React and the js-sdk left to
// the storefront) and type declarations (tsc). `npm run build` runs it after plugin:build.
import { execFileSync } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { build } from "esbuild"

const ROOT = path.resolve(import.meta.dirname, "..")
const OUT = path.join(ROOT, ".medusa/storefront")

/** Never bundled: the storefront has its own copy. */
export const STOREFRONT_EXTERNALS = [
  "react",
  "react/jsx-runtime",
  "react-dom",
  "@medusajs/js-sdk",
]

fs.rmSync(OUT, { recursive: true, force: true })
const result = await build({
  absWorkingDir: ROOT,
  entryPoints: {
    index: "src/storefront/index.ts",
    "react/index": "src/storefront/react/index.tsx",
  },
  outdir: OUT,
  outExtension: { ".js": ".mjs" },
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "neutral",
  target: "es2020",
  jsx: "automatic",
  external: STOREFRONT_EXTERNALS,
  treeShaking: true,
  metafile: true,
  logLevel: "warning",
})
fs.writeFileSync(
  path.join(OUT, "metafile.json"),
  JSON.stringify(result.metafile, null, 2)
)
execFileSync(
  path.join(ROOT, "node_modules/.bin/tsc"),
  ["-p", "src/storefront/tsconfig.json"],
  { cwd: ROOT, stdio: "inherit" }
)
console.log(`Storefront entry points built into ${path.relative(ROOT, OUT)}`)
