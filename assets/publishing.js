// Publishing glue (explorer/app/publishing.py): the embed view, saving the timeline, printing
// and the embed code. Everything goes through the base path Dash was given (--base-path).
(function () {
  // The path the page is served under, e.g. "/" or "/explorer/" (Dash's own config block).
  function basePath() {
    const config = document.getElementById("_dash-config");
    try {
      return JSON.parse(config.textContent).requests_pathname_prefix || "/";
    } catch (e) {
      return "/";
    }
  }

  // `<base path>embed?<query>`: the same page, showing only the timeline and the details
  // (assets/publishing.css), with a way out to the full explorer.
  const embedded = window.location.pathname === basePath() + "embed";
  if (embedded) {
    document.documentElement.classList.add("embed");
    document.addEventListener("DOMContentLoaded", function () {
      const link = document.createElement("a");
      link.className = "embed-open";
      link.target = "_blank";
      link.rel = "noopener";
      link.textContent = "Open in the full explorer ↗";
      link.href = basePath();
      // The view changes as the reader clicks: the link follows it.
      link.addEventListener("click", function () {
        link.href = basePath() + window.location.search;
      });
      document.body.appendChild(link);
    });
  }

  function saveTimeline(format) {
    const gd = document.querySelector("#timeline .js-plotly-plot");
    if (!gd || !window.Plotly) return;
    window.Plotly.downloadImage(gd, {
      format: format,
      filename: "china-russia-timeline",
      width: gd.offsetWidth,
      height: gd.offsetHeight,
      scale: format === "png" ? 2 : 1, // a sharper bitmap for slides and print
    });
  }

  const ACTIONS = {
    "save-svg": function () { saveTimeline("svg"); },
    "save-png": function () { saveTimeline("png"); },
    "print-page": function () { window.print(); },
  };
  document.addEventListener("click", function (event) {
    const button = event.target.closest && event.target.closest("button[id]");
    if (button && ACTIONS[button.id]) ACTIONS[button.id]();
  });

  function attribute(text) {
    return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  }

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    publishing: {
      // The iframe code of the current view, pointing at its embed view.
      embedCode: function (href) {
        if (!href) return "";
        const url = new URL(href);
        const src = url.origin + basePath() + "embed" + url.search;
        return (
          `<iframe src="${attribute(src)}" title="Beijing–Moscow leader diplomacy: timeline" ` +
          'width="100%" height="720" style="border: 0" loading="lazy"></iframe>'
        );
      },
    },
  });
})();
