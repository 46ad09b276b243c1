// The server-rendered first view (explorer/app/first_view.py). The page's HTML already shows the
// view the URL asks for, as static HTML with the timeline as SVG, and Dash's scripts come as
// inert links: once that view is painted they are fetched and run here, in order, and Dash
// starts. When Dash has rendered its own page, the static one goes and its SVG moves into Dash's
// timeline box, over the plot, until plotly has drawn the same view there (the box's
// data-rendered-events).
(function () {
  const PAGE = "first-view";
  const TIMELINE = "first-view-timeline";
  const LAYOUT = /_dash-layout$/;
  const PAGE_QUERY = "page";
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

  // Dash asks for its layout without the page's query: send it along (as `page`), so the server
  // sends the controls already set to the view the URL names and the location already holding
  // it (no round trip before the first draw), in the URL's language (explorer/app/pages.py).
  function withQuery(url) {
    if (!LAYOUT.test(url)) return url;
    return url + "?" + PAGE_QUERY + "=" + encodeURIComponent(location.search);
  }

  // The layout and the callbacks are asked for as the scripts start loading, not once they have
  // run: Dash's own requests for them get these answers.
  const early = {};
  function askEarly() {
    const config = JSON.parse(document.getElementById("_dash-config").textContent);
    const prefix = config.requests_pathname_prefix || "/";
    [prefix + "_dash-layout", prefix + "_dash-dependencies"].forEach(function (url) {
      early[withQuery(url)] = window.fetch(withQuery(url), { credentials: "same-origin" });
    });
  }

  function answerDash() {
    const plain = window.fetch;
    window.fetch = function (resource, init) {
      if (typeof resource !== "string") return plain.call(this, resource, init);
      const url = withQuery(resource);
      const answer = early[url];
      delete early[url]; // once: a later request (a hot reload) asks the server again
      return answer || plain.call(this, url, init);
    };
  }

  // Run Dash's scripts in order (dynamically inserted scripts with async = false keep it), then
  // start Dash. They listen for DOMContentLoaded: if the page was parsed before they came, tell
  // them it is ready (made up); if not, they hear the real one.
  function runScripts() {
    const links = document.querySelectorAll("link.fv-script");
    const sources = Array.from(links).map((l) => l.dataset.src);
    let left = sources.length;
    askEarly();
    const startDash = function () {
      answerDash();
      window.renderer = new window.DashRenderer();
    };
    sources.forEach(function (src) {
      const script = document.createElement("script");
      script.src = src;
      script.async = false;
      script.onload = script.onerror = function () {
        left -= 1;
        if (left > 0) return;
        if (document.readyState === "loading") {
          document.addEventListener("DOMContentLoaded", startDash, { once: true });
        } else {
          document.dispatchEvent(new Event("DOMContentLoaded"));
          startDash();
        }
      };
      // In the head: the page may still be being parsed, and a script put after the static
      // page would come between it and Dash's page, which the stylesheet hides by adjacency.
      document.head.appendChild(script);
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

  // Async in the head: this may run while the page is still being parsed. Start once the first
  // view's timeline has been parsed (the rest of the page, the list of all events, can come
  // while Dash's scripts load), or once the whole page has (a view without a timeline).
  (function wait() {
    if (!document.body) return requestAnimationFrame(wait);
    if (document.readyState !== "loading" || document.getElementById(TIMELINE)) start();
    else requestAnimationFrame(wait);
  })();
})();
