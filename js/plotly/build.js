// Builds ../../assets/vendor/plotly-explorer.min.js and plotly-explorer.later.min.js: plotly.js
// core with only the trace types listed in traces.json (the ones the explorer's figures use; a
// Python test keeps the two in step), in two parts.
// - plotly-explorer.min.js (`start`): what the first timeline draws, evaluated before it can be.
// - plotly-explorer.later.min.js (`later`): the other trace types (WebGL marks, counts, the
//   insights' map and bars), fetched the first time a figure needs one of them.
// The later part does not carry a second copy of plotly's core: every module it shares with the
// first is taken from the first at run time (window[SHARED], keyed by path), so both parts use
// one registry, one d3 and one set of components. The full plotly.min.js is 4.8 MB.
// Same settings as plotly.js's own esbuild-config.js. Run: npm ci && npm run build (or `make
// plotly-bundle` at the top).
const path = require("path");
const esbuild = require("esbuild");
const { environmentPlugin } = require("esbuild-plugin-environment");
const { glsl } = require("esbuild-plugin-glsl");
const InlineCSSPlugin = require("esbuild-plugin-inline-css");
const traces = require("./traces.json");
const { version } = require("plotly.js/package.json");

const vendor = path.join(__dirname, "..", "..", "assets", "vendor");
const START = path.join(vendor, "plotly-explorer.min.js");
const LATER = path.join(vendor, "plotly-explorer.later.min.js");
const files = { start: path.basename(START), later: path.basename(LATER) }; // for later.js
const SHARED = "__plotlyExplorerShared";
const CORE = "node_modules/plotly.js/src/core.js"; // Plotly itself, as the later part finds it
const all = [...traces.start, ...traces.later];
const lib = (t) => `require('plotly.js/lib/${t}')`;

const settings = {
  bundle: true,
  minify: true,
  legalComments: "none",
  alias: { regl: "@plotly/regl", stream: "stream-browserify" },
  define: { global: "window", "define.amd": "false" },
  target: "es2016",
  logLevel: "warning",
  absWorkingDir: __dirname,
  metafile: true,
};
const plugins = () => [
  InlineCSSPlugin(),
  glsl({ minify: true }),
  environmentPlugin({ NODE_DEBUG: false }),
];
const banner = (part, names) =>
  `/* plotly.js v${version} (MIT, https://github.com/plotly/plotly.js), partial bundle: ` +
  `${all.join(", ")}. This part (${part}): ${names.join(", ")}. Built by js/plotly/build.js. */`;

// The start part. `shared` lists the modules the later part takes from it; `loader` wraps
// Plotly's drawing calls so that a figure with a later trace type waits for that part.
function startEntry(shared) {
  const others = traces.start.filter((t) => t !== "scatter"); // scatter is part of the core
  return [
    "var Plotly = require('plotly.js/lib/core');",
    others.length ? `Plotly.register([${others.map(lib).join(", ")}]);` : "",
    `window.${SHARED} = {${shared.map((p) => `${JSON.stringify(p)}: require(${JSON.stringify("./" + p)})`).join(", ")}};`,
    `require('./later.js')(Plotly, require('plotly.js/src/registry'), ${JSON.stringify(traces.later)}, ${JSON.stringify(files)});`,
    "module.exports = Plotly;",
  ].join("\n");
}

function buildStart(shared) {
  return esbuild.build({
    ...settings,
    stdin: { contents: startEntry(shared), resolveDir: __dirname },
    outfile: START,
    format: "iife",
    globalName: "Plotly",
    banner: { js: banner("start", traces.start) },
    plugins: plugins(),
  });
}

// Every import of a module the start part holds becomes a look-up in window[SHARED].
function fromStart(held, used) {
  return {
    name: "from-start",
    setup(build) {
      build.onResolve({ filter: /.*/ }, async (args) => {
        if (args.pluginData === "inner" || args.kind === "entry-point") return undefined;
        const found = await build.resolve(args.path, {
          kind: args.kind,
          resolveDir: args.resolveDir,
          importer: args.importer,
          pluginData: "inner",
        });
        const rel = path.relative(__dirname, found.path).split(path.sep).join("/");
        if (found.errors.length || !held.has(rel)) return found.errors.length ? found : undefined;
        used.add(rel);
        return { path: rel, namespace: "start" };
      });
      build.onLoad({ filter: /.*/, namespace: "start" }, (args) => ({
        contents: `module.exports = window.${SHARED}[${JSON.stringify(args.path)}];`,
        loader: "js",
      }));
    },
  };
}

async function main() {
  // 1. The start part alone: which modules it holds.
  const first = await buildStart([]);
  const held = new Set(Object.keys(first.metafile.inputs).filter((p) => !p.startsWith("<")));
  // 2. The later part, taking those from the start part.
  const used = new Set();
  await esbuild.build({
    ...settings,
    stdin: {
      // Run before the start part (listed first by some page), it waits to be fetched again.
      contents: `const shared = window.${SHARED};
if (shared) shared[${JSON.stringify(CORE)}].register([${traces.later.map(lib).join(", ")}]);`,
      resolveDir: __dirname,
    },
    outfile: LATER,
    format: "iife",
    banner: { js: banner("later", traces.later) },
    plugins: [fromStart(held, used), ...plugins()],
  });
  // 3. The start part again, handing over what the later part takes.
  await buildStart([...used, CORE].sort());
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
