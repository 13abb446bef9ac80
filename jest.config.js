const transform = {
  // The storefront components (React, automatic runtime).
  "^.+\\.tsx$": [
    "@swc/jest",
    {
      jsc: {
        parser: { syntax: "typescript", tsx: true },
        transform: { react: { runtime: "automatic" } },
      },
    },
  ],
  "^.+\\.[jt]sx?$": [
    "@swc/jest",
    {
      jsc: {
        parser: { syntax: "typescript", decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
      },
    },
  ],
}

const shared = {
  transform,
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "tsx", "json"],
  modulePathIgnorePatterns: ["dist/", "<rootDir>/.medusa/", "<rootDir>/.data/"],
  setupFiles: ["<rootDir>/integration-tests/setup.js"],
}

/**
 * Three kinds of tests, run by `npm test` (scripts/test.mjs starts the database first):
 * - unit: pure functions, `src/**\/__tests__/*.unit.spec.ts`, and the published admin bundle
 *   (`integration-tests/bundle`)
 * - modules: the backorder module against a real PostgreSQL, `src/modules/*\/__tests__/*.spec.ts`
 * - http: the development host booted by medusaIntegrationTestRunner, `integration-tests/http`
 * - e2e: the admin dashboard in Debian's Chromium against `medusa develop`, `integration-tests/e2e`
 *   (run when a Chromium is found; CI installs one)
 * - cluster: the production topology (two built servers and a worker on Redis) raced,
 *   `integration-tests/cluster` (run when a redis-server is found; CI installs one)
 */
module.exports = {
  testTimeout: 120000,
  // Every HTTP test file boots Medusa in the test process, and some of each boot stays on the
  // heap; on a 2-core machine Jest runs the whole suite in its own process ("in band") and that
  // process reached Node's 4 GB heap limit near the end. With a limit set, Jest runs the files
  // in a worker (still one at a time on 2 cores) and starts a fresh one when an idle worker
  // holds more than this.
  workerIdleMemoryLimit: "1536MB",
  reporters: [
    "<rootDir>/integration-tests/reporters/progress.js",
    "<rootDir>/integration-tests/reporters/summary.js",
  ],
  projects: [
    {
      ...shared,
      displayName: "unit",
      testMatch: [
        "<rootDir>/src/**/__tests__/**/*.unit.spec.[jt]s",
        "<rootDir>/integration-tests/bundle/**/*.unit.spec.[jt]s",
      ],
    },
    {
      ...shared,
      displayName: "modules",
      testMatch: ["<rootDir>/src/modules/*/__tests__/**/*.spec.[jt]s"],
      testPathIgnorePatterns: ["\\.unit\\.spec\\.[jt]s$"],
    },
    {
      ...shared,
      displayName: "http",
      testMatch: ["<rootDir>/integration-tests/http/**/*.spec.[jt]s"],
    },
    {
      ...shared,
      displayName: "e2e",
      testMatch: ["<rootDir>/integration-tests/e2e/**/*.spec.[jt]s"],
    },
    {
      ...shared,
      displayName: "cluster",
      testMatch: ["<rootDir>/integration-tests/cluster/**/*.spec.[jt]s"],
    },
  ],
}
