// `npm run e2e:install`: installs Debian's `chromium` package for the browser tests when no
// Chromium is found (apt-get, as root or through sudo). CI runs it before `npm test`.
import { spawnSync } from "node:child_process"
import { findChromium } from "./lib/chromium.mjs"

const found = findChromium()
if (found) {
  console.log(`Chromium found at ${found}.`)
  process.exit(0)
}

const asRoot = process.getuid?.() === 0
const prefix = asRoot ? [] : ["sudo", "-n"]
const aptGet = (...args) => {
  const [command, ...rest] = [...prefix, "apt-get", ...args]
  const result = spawnSync(command, rest, {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  })
  if (result.status !== 0) {
    console.error(
      `apt-get ${args.join(" ")} failed: install Debian's chromium package, or set CHROMIUM_PATH.`
    )
    process.exit(result.status || 1)
  }
}

console.log("Installing Debian's chromium package ...")
aptGet("update", "-qq")
aptGet("install", "-y", "-qq", "--no-install-recommends", "chromium")
const installed = findChromium()
if (!installed) {
  console.error(
    "chromium was installed but is not at /usr/bin/chromium; set CHROMIUM_PATH."
  )
  process.exit(1)
}
console.log(`Chromium installed at ${installed}.`)
