// Part of plotly-explorer.min.js (js/plotly/build.js): Plotly's calls that draw a figure wait,
// when the figure has a trace type of the later part, for that part to be fetched and run. It
// sits beside this script (same folder, same query), and is fetched once. `files`: the two
// parts' file names, as js/plotly/build.js writes them.
module.exports = function (Plotly, Registry, later, files) {
  const script = document.currentScript;
  const src = script ? script.src.replace(files.start, files.later) : "";
  let loading = null;

  function load() {
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        const tag = document.createElement("script");
        tag.src = src;
        tag.onload = resolve;
        tag.onerror = function () {
          loading = null; // a later figure tries again
          reject(new Error("plotly.js: could not load " + src));
        };
        document.head.appendChild(tag);
      });
    }
    return loading;
  }

  // The traces of (gd, data, ...), (gd, {data}), (gd, trace) or ({data}) / (gd) (toImage).
  function traces(args) {
    const [first, second] = args;
    if (Array.isArray(second)) return second;
    if (second && Array.isArray(second.data)) return second.data;
    if (second && typeof second === "object" && second.type) return [second];
    return (first && Array.isArray(first.data) && first.data) || [];
  }

  function waits(data) {
    return data.some(function (t) {
      const type = (t && t.type) || "scatter";
      return later.includes(type) && !Registry.modules[type];
    });
  }

  ["newPlot", "react", "addTraces", "toImage"].forEach(function (name) {
    const call = Plotly[name];
    Plotly[name] = function () {
      const args = arguments;
      if (!waits(traces(args))) return call.apply(Plotly, args);
      return load().then(() => call.apply(Plotly, args));
    };
  });
};
