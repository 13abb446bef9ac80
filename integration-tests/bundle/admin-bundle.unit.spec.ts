import { execFileSync } from "node:child_process"
import fs from "node:fs"
import path from "node:path"

jest.setTimeout(300000)

const ROOT = path.resolve(__dirname, "../..")
const ADMIN_SRC = path.join(ROOT, "src/admin")
const BUNDLES = ["index.mjs", "index.js"].map((file) =>
  path.join(ROOT, ".medusa/server/src/admin", file)
)

/** The packages the Medusa dashboard shares with extensions: one copy, the dashboard's. */
const SHARED_WITH_DASHBOARD = [
  "react",
  "react/jsx-runtime",
  "react-router-dom",
  "@tanstack/react-query",
  "@medusajs/ui",
  "@medusajs/icons",
  "@medusajs/admin-sdk",
  "@medusajs/js-sdk",
]

function newestMtime(dir: string): number {
  return Math.max(
    ...fs.readdirSync(dir, { withFileTypes: true }).map((entry) => {
      const full = path.join(dir, entry.name)
      return entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs
    })
  )
}

/**
 * The published admin bundle (`npm run build`) must import React, Medusa UI and the other
 * dashboard packages, never carry copies of its own: two Reacts break hooks, two Medusa UIs
 * break the look and the toasts.
 */
describe("admin extension bundle", () => {
  beforeAll(() => {
    const stale = BUNDLES.some(
      (file) =>
        !fs.existsSync(file) ||
        fs.statSync(file).mtimeMs < newestMtime(ADMIN_SRC)
    )
    if (stale) {
      execFileSync(
        path.join(ROOT, "node_modules/.bin/medusa"),
        ["plugin:build"],
        {
          cwd: ROOT,
          stdio: "ignore",
        }
      )
    }
  })

  it("imports only the packages the dashboard shares, each a peer dependency or provided by the dashboard", () => {
    const source = fs.readFileSync(BUNDLES[0], "utf8")
    const imported = [
      ...new Set(
        [...source.matchAll(/^import [^;]*? from "([^"]+)";?$/gm)].map(
          (m) => m[1]
        )
      ),
    ].sort()
    expect(imported).toEqual([...SHARED_WITH_DASHBOARD].sort())

    const pkg = JSON.parse(
      fs.readFileSync(path.join(ROOT, "package.json"), "utf8")
    )
    for (const name of imported.filter((n) => n.startsWith("@medusajs/"))) {
      expect(pkg.peerDependencies).toHaveProperty([name])
    }
  })

  it.each(BUNDLES.map((file) => [path.basename(file), file]))(
    "%s carries no copy of React or Medusa UI",
    (_name, file) => {
      const source = fs.readFileSync(file, "utf8")
      // Markers of React's own source and of Medusa UI's components being bundled in.
      for (const marker of [
        "__SECRET_INTERNALS_DO_NOT_USE_OR_YOU_WILL_BE_FIRED",
        'Symbol.for("react.element")',
        "react.production",
        "@radix-ui",
        'displayName = "DataTable"',
      ]) {
        expect(source.includes(marker)).toBe(false)
      }
      expect(source.length).toBeLessThan(400000)
    }
  )
})
