// Client-side glue for the explorer page (no data work here).

// The table gets its rows from the server a block at a time (AG Grid's infinite row model).
// After a render: drop the blocks when the filters changed, then select and scroll to the
// chosen event's row.
const tableSync = (function () {
  // What the table shows: the filters behind its rows, the chosen event and its row index.
  const state = { rows: null, event: null, index: null, hooked: false, focus: null };

  // Select the chosen event's row among the blocks loaded so far.
  function selectChosen(api) {
    api.forEachNode(function (node) {
      if (node.data) node.setSelected(node.id === state.event, false, "api");
    });
  }

  // Scroll until the chosen row is on screen with its data: a scroll asked for while
  // dash-ag-grid is still answering a block can be lost, so check and ask again.
  function scrollToChosen(api, tries) {
    const index = state.index;
    if (index === null || index === undefined || tries <= 0) return;
    const node = api.getDisplayedRowAtIndex(index);
    const shown =
      node && node.data && index >= api.getFirstDisplayedRowIndex() &&
      index <= api.getLastDisplayedRowIndex();
    if (shown) return;
    if (index < api.getDisplayedRowCount()) api.ensureIndexVisible(index, "middle");
    setTimeout(function () { scrollToChosen(api, tries - 1); }, 200);
  }

  // The last focus is kept: the grid comes later than the first views (see below), and takes
  // the focus of its moment when it does.
  function sync(focus) {
    state.focus = focus || state.focus;
    if (state.focus && window.dash_ag_grid) {
      const wanted = state.focus;
      window.dash_ag_grid.getApiAsync("events-grid").then(function (api) {
        const rows = JSON.stringify(wanted.rows);
        if (!state.hooked) {
          state.hooked = true;
          api.addEventListener("modelUpdated", function () { selectChosen(api); });
        } else if (state.rows !== rows) {
          api.purgeInfiniteCache();
        }
        Object.assign(state, { rows: rows, event: wanted.event, index: wanted.index });
        selectChosen(api);
        scrollToChosen(api, 50);
      });
    }
    return window.dash_clientside.no_update;
  }
  sync.again = function () { sync(null); };
  return sync;
})();

// On narrow screens the filters live in a drawer: its toggle, its close button and a tap on
// the backdrop open and close it (Escape too, below).
function drawer(toggle, close, backdrop, className) {
  const classes = (className || "drawer").split(" ").filter((c) => c && c !== "open");
  const fired = (window.dash_clientside.callback_context.triggered[0] || {}).prop_id || "";
  const opening = fired.startsWith("filters-toggle") && !(className || "").includes("open");
  if (opening) {
    setTimeout(() => document.getElementById("filters-close").focus(), 0);
  } else {
    setTimeout(() => document.getElementById("filters-toggle").focus(), 0);
  }
  return [(opening ? classes.concat("open") : classes).join(" "), opening ? "true" : "false"];
}

document.addEventListener("keydown", function (event) {
  const panel = document.getElementById("filters-drawer");
  if (event.key !== "Escape" || !panel || !panel.classList.contains("open")) return;
  window.dash_clientside.set_props("filters-drawer", { className: "drawer" });
  window.dash_clientside.set_props("filters-toggle", { "aria-expanded": "false" });
  document.getElementById("filters-toggle").focus();
});

// The list of events in order, drawn as plain DOM: as Dash components its hundreds of
// options blocked the main thread for seconds after every redraw.
function eventList(data) {
  const list = document.getElementById("twin-list");
  if (!list || !data) return window.dash_clientside.no_update;
  const items = data.rows.map(function (row) {
    const li = document.createElement("li");
    li.id = "twin-" + row.id;
    li.className = "twin-item";
    li.setAttribute("role", "option");
    li.setAttribute("aria-selected", row.selected ? "true" : "false");
    li.dataset.event = row.id;
    const date = document.createElement("span");
    date.className = "twin-date";
    date.textContent = row.date;
    li.append(date, " ", row.title);
    return li;
  });
  if (data.more > 0) {
    const more = document.createElement("li");
    more.className = "twin-more";
    more.setAttribute("role", "presentation");
    // In the page's language (explorer/app/language.py writes the texts into the index).
    const texts = window.explorerTexts ? window.explorerTexts() : {};
    const template = texts.twin_more || "… and {count} more: narrow the filters to list them.";
    more.textContent = template.replace("{count}", data.more);
    items.push(more);
  }
  list.replaceChildren(...items);
  return String(data.rows.length);
}

window.dash_clientside = Object.assign({}, window.dash_clientside, {
  explorer: {
    // The link box shows the full URL of the current view, whatever changed it.
    permalink: function (search, pathname) {
      return window.location.origin + (pathname || "/") + (search || "");
    },
    // Keeps the server-paged table on the chosen event (see tableSync above).
    tableSync: tableSync,
    // A value kept where callbacks that run before its component came can read it.
    copy: function (value) {
      return value === undefined || value === null ? window.dash_clientside.no_update : value;
    },
    drawer: drawer,
    eventList: eventList,
  },
});

// The timeline's accessible twin: a listbox of the filtered events. Arrow keys move the
// active option (announced through the live region), Enter or a click opens it, which
// goes through the same URL state as a click on the timeline.
(function () {
  const KEYS = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 };

  function options(list) {
    return Array.from(list.querySelectorAll('[role="option"]'));
  }

  function activate(list, option) {
    options(list).forEach((o) => o.classList.remove("active"));
    option.classList.add("active");
    list.setAttribute("aria-activedescendant", option.id);
    list.dataset.active = option.dataset.event; // survives a re-render of the options
    option.scrollIntoView({ block: "nearest" });
    const all = options(list);
    const status = document.getElementById("twin-status");
    if (status) {
      const texts = window.explorerTexts ? window.explorerTexts() : {};
      const template = texts.twin_status || "{n} of {total}: {text}";
      status.textContent = template
        .replace("{n}", all.indexOf(option) + 1)
        .replace("{total}", all.length)
        .replace("{text}", option.textContent);
    }
  }

  function pick(option) {
    window.dash_clientside.set_props("twin-pick", {
      data: { id: option.dataset.event, at: Date.now() },
    });
  }

  document.addEventListener("keydown", function (event) {
    const list = event.target.closest && event.target.closest("#twin-list");
    if (!list) return;
    const all = options(list);
    if (!all.length) return;
    const remembered = list.dataset.active
      ? list.querySelector(`[data-event="${list.dataset.active}"]`)
      : null;
    const current =
      remembered || list.querySelector(".active") || list.querySelector('[aria-selected="true"]');
    if (event.key in KEYS) {
      event.preventDefault();
      const index = current ? all.indexOf(current) + KEYS[event.key] : 0;
      activate(list, all[Math.max(0, Math.min(all.length - 1, index))]);
    } else if (event.key === "Home" || event.key === "End") {
      event.preventDefault();
      activate(list, event.key === "Home" ? all[0] : all[all.length - 1]);
    } else if (event.key === "Enter" && current) {
      event.preventDefault();
      pick(current);
    }
  });

  document.addEventListener("click", function (event) {
    const option = event.target.closest && event.target.closest("#twin-list [role='option']");
    if (option) {
      activate(option.closest("#twin-list"), option);
      pick(option);
    }
  });
})();

// Accessibility repairs for Dash 4 core components, applied as they render:
// - dcc.Checklist/RadioItems render role="listbox" options that contain real checkboxes or
//   radios (nested interactive controls, and a listbox with no name). The native inputs with
//   their labels are accessible on their own, so the ARIA roles are removed.
// - dcc.Dropdown keeps an aria-hidden input in the tab order; its trigger button is the
//   keyboard entry point, so the hidden input leaves the tab order.
(function () {
  function repair(root) {
    root.querySelectorAll(".dash-options-list").forEach((list) => {
      if (list.getAttribute("role") !== "group") {
        list.setAttribute("role", "group");
      }
      const label = list.closest(".field") && list.closest(".field").querySelector("label");
      if (label && !list.getAttribute("aria-label")) {
        list.setAttribute("aria-label", label.textContent);
      }
    });
    // React sets these again when a value changes: strip them wherever they reappear.
    root.querySelectorAll(".dash-options-list-option").forEach((o) => {
      ["role", "aria-selected", "aria-checked"].forEach((a) => {
        if (o.hasAttribute(a)) o.removeAttribute(a);
      });
    });
    root.querySelectorAll(".dash-dropdown-focus-target[aria-hidden='true']").forEach((i) => {
      i.setAttribute("tabindex", "-1");
    });
  }
  let queued = false; // at most one pass per animation frame, however many mutations
  const observer = new MutationObserver(() => {
    if (!queued) {
      queued = true;
      requestAnimationFrame(() => {
        queued = false;
        repair(document);
      });
    }
  });
  document.addEventListener("DOMContentLoaded", function () {
    repair(document);
    observer.observe(document.body, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ["role", "aria-checked", "aria-selected"],
    });
  });
})();

// Readiness signal for tests and benchmarks: after plotly has drawn the timeline, its box
// carries data-rendered-events="N", N being the events drawn: marks of the "colour" legend
// group carry one event id each in customdata[0]; a counts trace (large views) says in
// meta.events how many events its cells count.
(function () {
  function count(gd) {
    const ids = new Set();
    let counted = 0;
    (gd.data || []).forEach((trace) => {
      if (trace.legendgroup !== "colour") return;
      if (trace.type === "heatmap") {
        counted += (trace.meta && trace.meta.events) || 0;
      } else if (trace.customdata) {
        trace.customdata.forEach((c) => ids.add(c[0]));
      }
    });
    return ids.size + counted;
  }

  function watch() {
    const box = document.getElementById("timeline-box");
    const gd = box && box.querySelector(".js-plotly-plot");
    if (!gd || gd.dataset.readinessHooked) return;
    gd.dataset.readinessHooked = "1";
    gd.on("plotly_afterplot", () => box.setAttribute("data-rendered-events", String(count(gd))));
  }

  const observer = new MutationObserver(watch);
  document.addEventListener("DOMContentLoaded", function () {
    observer.observe(document.body, { childList: true, subtree: true });
  });
})();

// Runs `start` once the timeline is drawn (or the view is empty) and the list of events filled,
// checking as the page changes, until `start` says it has started: what comes later (the
// insights, the table's grid) never delays the first draw, and sees the page at its height.
function whenSettled(start) {
  function settled() {
    const box = document.getElementById("timeline-box");
    const list = document.getElementById("twin-list");
    const drawn = box && (box.hidden || box.hasAttribute("data-rendered-events"));
    return drawn && list && list.hasAttribute("data-drawn");
  }
  const mutations = new MutationObserver(function () {
    if (settled() && start()) mutations.disconnect();
  });
  document.addEventListener("DOMContentLoaded", function () {
    mutations.observe(document.body, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ["data-rendered-events", "hidden", "data-drawn"],
    });
  });
}

// The insights are drawn while their section is near the screen: at large sizes their four
// charts cost more than the timeline, which comes first. Watching starts once the page has
// settled: before the list of events is filled the page is short, and the section would look
// near at every load.
whenSettled(function () {
  const section = document.getElementById("insights");
  if (!section) return false;
  // "Seen" follows the section in and out of view: while it is away, a new view leaves the
  // charts as they were (no redraw); coming back draws them for the view of that moment.
  let near = false;
  new IntersectionObserver(
    function (entries) {
      const now = entries.some((e) => e.isIntersecting);
      if (now !== near) {
        near = now;
        window.dash_clientside.set_props("insights-seen", { data: near });
      }
    },
    { rootMargin: "200px" },
  ).observe(section);
  return true;
});

// The table's grid (dash-ag-grid: 1.3 MB of script, and its rows) comes when the table is
// wanted: its box (nearly) all on screen, or a pointer, a touch or the focus in it.
// Until then the box shows the view's first rows (explorer/app/layout.py). Watching starts
// once the page has settled, so that the grid never delays the first draw.
(function () {
  let asked = false;
  function want() {
    if (asked) return;
    asked = true;
    // The box says where the grid is: "loading", then "ready" once its first rows are drawn
    // (a readiness signal for tests, like the timeline's data-rendered-events).
    const box = document.querySelector("#react-entry-point .grid-box");
    box.dataset.grid = "loading";
    const mount = function () {
      window.dash_clientside.set_props("grid-wanted", { data: true });
      tableSync.again(); // once mounted, the grid takes the chosen event of this moment
      window.dash_ag_grid.getApiAsync("events-grid").then(function (api) {
        // Until the server answers, the grid shows one loading row without data (AG Grid's
        // infiniteInitialRowCount); then rows with data, or none.
        const check = function () {
          const first = api.getDisplayedRowAtIndex(0);
          if (first && !first.data) return;
          box.dataset.grid = "ready";
          api.removeEventListener("modelUpdated", check);
        };
        api.addEventListener("modelUpdated", check);
        check();
      });
    };
    const link = document.querySelector("link.fv-grid");
    if (window.dash_ag_grid || !link) {
      mount();
      return;
    }
    const script = document.createElement("script");
    script.src = link.dataset.src;
    script.onload = mount;
    script.onerror = function () {
      asked = false; // the next reason tries again
    };
    document.body.appendChild(script);
  }
  whenSettled(function () {
    const box = document.querySelector("#react-entry-point .grid-box");
    if (!box) return false;
    new IntersectionObserver(
      function (entries, observer) {
        if (entries.some((e) => e.intersectionRatio >= 0.9)) {
          observer.disconnect();
          want();
        }
      },
      { threshold: [0.9] },
    ).observe(box);
    // The box, not its section: the export buttons beside it do not need the grid.
    ["pointerover", "focusin", "touchstart"].forEach(function (type) {
      box.addEventListener(type, want, { once: true, passive: true });
    });
    return true;
  });
})();
