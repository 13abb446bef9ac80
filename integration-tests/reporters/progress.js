// Jest's default per-file progress output, without its summary (printed by ./summary.js).
module.exports = require("@jest/reporters").DefaultReporter
