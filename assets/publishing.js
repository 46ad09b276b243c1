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
      link.textContent = window.explorerTexts().embed_open || "Open in the full explorer ↗";
      link.href = basePath();
      // The view changes as the reader clicks: the link follows it.
      link.addEventListener("click", function () {
        link.href = basePath() + window.location.search;
      });
      document.body.appendChild(link);
    });
  }

  function saveTimeline(format) {
    if (format === "svg") {
      // The server draws the SVG from the same figure (explorer/timeline_svg.py): real text and
      // shapes, the view's labels and era names, no browser font or WebGL bitmap in it.
      const link = document.createElement("a");
      link.href = basePath() + "export/timeline.svg" + window.location.search;
      link.download = "china-russia-timeline.svg";
      document.body.appendChild(link);
      link.click();
      link.remove();
      return;
    }
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

  // "Print this view": the whole filtered table, fetched from the view's JSON export, is
  // printed in place of the list of events (which Ctrl+P prints, up to its 500 rows).
  const PRINT_COLUMNS = [
    ["date", "Date", (e) => e.start_date + (e.end_date ? " – " + e.end_date : "")],
    ["event", "Event", (e) => e["title_" + window.explorerTexts().lang] || e.title],
    ["kind", "Kind", (e) => e.kind],
    ["place", "Place", (e) => [e.city, e.country].filter(Boolean).join(", ") || e.host],
    ["china", "China", (e) => (e.china_leaders || []).join("; ")],
    ["russia", "USSR / Russia", (e) => (e.russia_leaders || []).join("; ")],
  ];

  function printTable(events) {
    const table = document.createElement("table");
    table.className = "print-table";
    const head = table.createTHead().insertRow();
    PRINT_COLUMNS.forEach(function (column) {
      const th = document.createElement("th");
      th.textContent = window.explorerTexts()["print_" + column[0]] || column[1];
      head.appendChild(th);
    });
    const body = table.createTBody();
    events.forEach(function (event) {
      const row = body.insertRow();
      PRINT_COLUMNS.forEach(function (column) {
        row.insertCell().textContent = column[2](event);
      });
    });
    return table;
  }

  function printView() {
    const url = basePath() + "export/events.json" + window.location.search;
    fetch(url)
      .then((response) => response.json())
      .then(function (data) {
        const old = document.querySelector(".print-table");
        if (old) old.remove();
        document.body.appendChild(printTable(data.events));
        document.documentElement.classList.add("printing-table");
      })
      .finally(function () { window.print(); });
  }
  window.addEventListener("afterprint", function () {
    document.documentElement.classList.remove("printing-table");
    const table = document.querySelector(".print-table");
    if (table) table.remove();
  });

  const ACTIONS = {
    "save-svg": function () { saveTimeline("svg"); },
    "save-png": function () { saveTimeline("png"); },
    "print-page": printView,
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
