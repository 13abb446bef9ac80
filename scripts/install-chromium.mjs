// `npm run e2e:install`: installs Debian's `chromium` package for the browser tests when no
// Chromium is found (apt-get, as root or through sudo). CI runs it before `npm test`.
import { installDebianPackage } from "./lib/apt.mjs"
import { findChromium } from "./lib/chromium.mjs"

installDebianPackage({
  name: "chromium",
  label: "Chromium",
  find: findChromium,
  envVar: "CHROMIUM_PATH",
  expectedAt: "/usr/bin/chromium",
})
