// The server-rendered first view (explorer/app/first_view.py). The page's HTML already shows the
// view the URL asks for, as static HTML with the timeline as SVG. Once Dash has rendered its own
// page, the static one goes and its SVG moves into Dash's timeline box, over the plot, until
// plotly has drawn the same view there (the box's data-rendered-events): nothing goes blank.
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

  document.addEventListener("DOMContentLoaded", function () {
    svg = document.getElementById(TIMELINE);
    if (!document.getElementById(PAGE)) return;
    observer = new MutationObserver(handOver);
    observer.observe(document.body, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ["data-rendered-events", "hidden"],
    });
  });
})();
