import { readdirSync, readFileSync } from "node:fs"
import path from "node:path"

const API_DIR = path.join(__dirname, "..")

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) {
      return entry.name === "__tests__" ? [] : routeFiles(full)
    }
    return entry.name === "route.ts" ? [full] : []
  })
}

describe("plugin routes", () => {
  it("every route handler answers the plugin's conflicts with the plugin's message", () => {
    const handlers = routeFiles(API_DIR).flatMap((file) =>
      [
        ...readFileSync(file, "utf8").matchAll(
          /^export const (GET|POST|DELETE|PUT|PATCH) = (.*)$/gm
        ),
      ].map((m) => [path.relative(API_DIR, file), m[1], m[2]])
    )
    expect(handlers.length).toBeGreaterThan(30)
    expect(
      handlers.filter(([, , rest]) => !rest.startsWith("withConflictMessages("))
    ).toEqual([])
  })
})
