// Builds ../../assets/vendor/plotly-explorer.min.js: plotly.js core plus only the trace types
// listed in traces.json (the ones the explorer's figures use; a Python test keeps the two in
// step). The full plotly.min.js is 4.8 MB; this one is about a third of it, which is what the
// browser must parse before the first timeline can be drawn. Same settings as plotly.js's own
// esbuild-config.js. Run: npm ci && npm run build (or `make plotly-bundle` at the top).
const path = require("path");
const esbuild = require("esbuild");
const { environmentPlugin } = require("esbuild-plugin-environment");
const { glsl } = require("esbuild-plugin-glsl");
const InlineCSSPlugin = require("esbuild-plugin-inline-css");
const traces = require("./traces.json");
const { version } = require("plotly.js/package.json");

const out = path.join(__dirname, "..", "..", "assets", "vendor", "plotly-explorer.min.js");
const others = traces.filter((t) => t !== "scatter"); // scatter is part of plotly.js's core
const entry = [
  "var Plotly = require('plotly.js/lib/core');",
  `Plotly.register([${others.map((t) => `require('plotly.js/lib/${t}')`).join(", ")}]);`,
  "module.exports = Plotly;",
].join("\n");

esbuild
  .build({
    stdin: { contents: entry, resolveDir: __dirname },
    outfile: out,
    format: "iife",
    globalName: "Plotly",
    bundle: true,
    minify: true,
    legalComments: "none",
    banner: {
      js: `/* plotly.js v${version} (MIT, https://github.com/plotly/plotly.js), partial bundle: ${traces.join(", ")}. Built by js/plotly/build.js. */`,
    },
    plugins: [InlineCSSPlugin(), glsl({ minify: true }), environmentPlugin({ NODE_DEBUG: false })],
    alias: { regl: "@plotly/regl", stream: "stream-browserify" },
    define: { global: "window", "define.amd": "false" },
    target: "es2016",
    logLevel: "warning",
  })
  .catch(() => process.exit(1));
