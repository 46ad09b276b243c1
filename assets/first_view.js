// The server-rendered first view (explorer/app/first_view.py). The page's HTML already shows the
// view the URL asks for, as static HTML with the timeline as SVG, and Dash's scripts come as
// preloads: once that view is painted they run here, in order, and Dash starts. When Dash has
// rendered its own page, the static one goes and its SVG moves into Dash's timeline box, over
// the plot, until plotly has drawn the same view there (the box's data-rendered-events).
(function () {
  const PAGE = "first-view";
  const TIMELINE = "first-view-timeline";
  let svg = null;
  let observer = null;

  function handOver() {
    const box = document.querySelector("#react-entry-point #timeline-box");
    if (!box) return;
    const page = document.getElementById(PAGE);
    if (page) {
      // Dash's count fills in with its first callback: the server's shows until then (CSS),
      // leaving Dash's own text alone for whoever waits on it.
      const count = page.querySelector("#fv-event-count");
      const own = document.querySelector("#react-entry-point #event-count");
      if (count && own) own.dataset.first = count.textContent;
      page.remove();
    }
    if (svg && svg.parentElement !== box) box.appendChild(svg);
    // An empty graph draws too (0 events) before the figure arrives: wait for the figure.
    if (Number(box.dataset.renderedEvents) > 0 || box.hidden) {
      if (svg) svg.hidden = true;
      observer.disconnect();
    }
  }

  // Run Dash's scripts in order (dynamically inserted scripts with async = false keep it), then
  // tell the late ones the document is ready (they listen for DOMContentLoaded) and start Dash.
  function runScripts() {
    const sources = Array.from(document.querySelectorAll("link.fv-script")).map((l) => l.href);
    let left = sources.length;
    sources.forEach(function (src) {
      const script = document.createElement("script");
      script.src = src;
      script.async = false;
      script.onload = script.onerror = function () {
        left -= 1;
        if (left > 0) return;
        document.dispatchEvent(new Event("DOMContentLoaded"));
        window.renderer = new window.DashRenderer();
      };
      document.body.appendChild(script);
    });
  }

  function start() {
    svg = document.getElementById(TIMELINE);
    if (document.getElementById(PAGE)) {
      observer = new MutationObserver(handOver);
      observer.observe(document.body, {
        childList: true,
        subtree: true,
        attributes: true,
        attributeFilter: ["data-rendered-events", "hidden"],
      });
    }
    // A task queued from a frame callback runs once that frame is painted.
    requestAnimationFrame(() => setTimeout(runScripts));
  }

  // Deferred: the document is parsed; DOMContentLoaded comes right after (and again, made up,
  // once the late scripts have run, which this must not answer).
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start, { once: true });
  } else {
    start();
  }
})();
