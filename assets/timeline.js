// The timeline in the browser: zoom and pan without the server, the window written to the URL
// once a gesture ends, and labels placed over the marks without overlap.
(function () {
  const GESTURE_END_MS = 450; // no wheel notch or drag for this long: the gesture has ended
  // The labels' font (style.css .mark-label): measured to know each label's width.
  const FONT = "11px system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif";
  const LABEL_HEIGHT = 14;
  const LABEL_MAX_WIDTH = 150;
  const MARK_RADIUS = 7;
  const MAX_CANDIDATES = 600; // labels are tried for at most this many marks in the window
  // Where a label may go around its mark: [dx anchor, dy] with the box's left at x + dx*w and
  // its bottom at y + dy; then a tier further up or down where those are taken.
  const ANCHORS = [-0.5, -1, 0, -0.25, -0.75];
  const SLOTS = [-9, 9 + LABEL_HEIGHT].flatMap((dy) => ANCHORS.map((ax) => [ax, dy]));
  const TIER = LABEL_HEIGHT + 2;
  const HIGH_SLOTS = [-9 - TIER, -9 - 2 * TIER, 9 + LABEL_HEIGHT + TIER].flatMap((dy) =>
    ANCHORS.map((ax) => [ax, dy]),
  );
  const MILESTONE = 3;

  const canvas = document.createElement("canvas").getContext("2d");
  const widths = new Map();
  function textWidth(text, bold) {
    const key = (bold ? "b" : "") + text;
    if (!widths.has(key)) {
      canvas.font = (bold ? "600 " : "") + FONT;
      widths.set(key, Math.ceil(canvas.measureText(text).width) + 8);
    }
    return widths.get(key);
  }

  function fitText(text, bold) {
    if (textWidth(text, bold) <= LABEL_MAX_WIDTH) return text;
    let cut = text;
    while (cut.length > 4 && textWidth(cut + "…", bold) > LABEL_MAX_WIDTH) cut = cut.slice(0, -1);
    return cut + "…";
  }

  function overlaps(a, b) {
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
  }

  // The marks in the window, with their pixel position, label and rank.
  function marks(gd) {
    const layout = gd._fullLayout;
    const xa = layout.xaxis;
    const ya = layout.yaxis;
    const chosen = new URLSearchParams(window.location.search).get("event");
    const out = [];
    (gd.data || []).forEach(function (trace) {
      if (trace.legendgroup !== "colour" || !trace.customdata || trace.type === "heatmap") return;
      trace.x.forEach(function (x, i) {
        const px = xa._offset + xa.l2p(xa.d2l(x));
        if (px < xa._offset || px > xa._offset + xa._length) return;
        const c = trace.customdata[i];
        const rank = c[0] === chosen ? 10 : Number(c[6]) || 0;
        out.push({ id: c[0], x: px, y: ya._offset + ya.l2p(trace.y[i]), label: c[5], rank: rank });
      });
    });
    return out;
  }

  // Greedy placement, most important first: a label goes in the first slot that stays in the
  // plot and clears every mark and every label already placed.
  function place(gd, candidates) {
    const size = gd._fullLayout._size;
    const area = { x: size.l, y: size.t, w: size.w, h: size.h };
    const obstacles = candidates.map((m) => ({
      x: m.x - MARK_RADIUS,
      y: m.y - MARK_RADIUS,
      w: 2 * MARK_RADIUS,
      h: 2 * MARK_RADIUS,
    }));
    const placed = [];
    const order = candidates
      .map((m, i) => [m, i])
      .sort((a, b) => b[0].rank - a[0].rank || a[0].x - b[0].x)
      .slice(0, MAX_CANDIDATES);
    order.forEach(function ([mark]) {
      if (!mark.label) return;
      const bold = mark.rank >= MILESTONE;
      const text = fitText(mark.label, bold);
      const w = textWidth(text, bold);
      for (const [ax, dy] of SLOTS.concat(HIGH_SLOTS)) {
        const box = { x: mark.x + ax * w, y: mark.y + dy - LABEL_HEIGHT, w: w, h: LABEL_HEIGHT };
        const inside =
          box.x >= area.x && box.y >= area.y && box.x + w <= area.x + area.w &&
          box.y + LABEL_HEIGHT <= area.y + area.h;
        if (!inside) continue;
        if (placed.some((p) => overlaps(box, p.box))) continue;
        if (obstacles.some((o) => overlaps(box, o))) continue;
        placed.push({ box: box, text: text, id: mark.id, rank: mark.rank });
        return;
      }
    });
    return placed;
  }

  // Each era's name over its band, where the band's visible part is wide enough for it.
  function eraNames(gd) {
    const layout = gd._fullLayout;
    const xa = layout.xaxis;
    const eras = (layout.meta && layout.meta.eras) || [];
    const left = xa._offset;
    const right = xa._offset + xa._length;
    return eras.flatMap(function (era) {
      const x0 = Math.max(left, xa._offset + xa.l2p(xa.d2l(era.start)));
      const x1 = Math.min(right, xa._offset + xa.l2p(xa.d2l(era.end)));
      const w = textWidth(era.name, true);
      if (x1 - x0 < w + 6) return [];
      const box = { x: (x0 + x1) / 2 - w / 2, y: layout._size.t - LABEL_HEIGHT - 6, w: w };
      return [{ box: box, text: era.name }];
    });
  }

  function draw(gd, layer) {
    const base = gd.getBoundingClientRect();
    const outer = layer.parentElement.getBoundingClientRect();
    const dx = base.left - outer.left + layer.parentElement.scrollLeft;
    const dy = base.top - outer.top;
    const labels = place(gd, marks(gd));
    const eras = eraNames(gd);
    const nodes = [];
    labels.forEach(function (l) {
      const span = document.createElement("span");
      span.className = l.rank >= MILESTONE ? "mark-label milestone" : "mark-label";
      span.dataset.event = l.id;
      span.textContent = l.text;
      span.style.width = `${l.box.w}px`;
      span.style.left = `${l.box.x + dx}px`;
      span.style.top = `${l.box.y + dy}px`;
      nodes.push(span);
    });
    eras.forEach(function (e) {
      const span = document.createElement("span");
      span.className = "era-label";
      span.textContent = e.text;
      span.style.left = `${e.box.x + dx}px`;
      span.style.top = `${e.box.y + dy}px`;
      nodes.push(span);
    });
    layer.replaceChildren(...nodes);
    // For tests and benchmarks: how many labels, placed for which window.
    layer.dataset.labels = String(labels.length);
    layer.dataset.range = gd._fullLayout.xaxis.range.join(",");
  }

  function hook(box, gd) {
    const layer = box.querySelector(".timeline-labels");
    let frame = null;
    function redraw() {
      if (frame === null) {
        frame = requestAnimationFrame(function () {
          frame = null;
          if (gd._fullLayout && gd._fullLayout.xaxis) draw(gd, layer);
        });
      }
    }
    let timer = null;
    let pending = null;
    // Zoom and pan stay in the browser; when the gesture ends, its window goes to the server
    // once (which writes it to the URL and narrows the count, table and exports).
    function send() {
      timer = null;
      if (pending) {
        window.dash_clientside.set_props("timeline-window", { data: pending });
        pending = null;
      }
    }
    function later(data) {
      pending = Object.assign({ at: Date.now() }, data);
      clearTimeout(timer);
      timer = setTimeout(send, GESTURE_END_MS);
    }
    gd.on("plotly_afterplot", redraw);
    gd.on("plotly_relayouting", function () {
      clearTimeout(timer);
      if (pending) timer = setTimeout(send, GESTURE_END_MS);
      redraw();
    });
    gd.on("plotly_relayout", function (change) {
      redraw();
      if (change["xaxis.autorange"]) return later({ reset: true });
      const range = change["xaxis.range"] || [change["xaxis.range[0]"], change["xaxis.range[1]"]];
      if (range[0] && range[1]) {
        later({ start: String(range[0]).slice(0, 10), end: String(range[1]).slice(0, 10) });
      }
    });
    gd.on("plotly_doubleclick", () => later({ reset: true }));
    window.addEventListener("resize", redraw);
  }

  function watch() {
    const box = document.getElementById("timeline-box");
    const gd = box && box.querySelector(".js-plotly-plot");
    if (!gd || !gd.on || gd.dataset.labelsHooked) return;
    gd.dataset.labelsHooked = "1";
    hook(box, gd);
  }

  const observer = new MutationObserver(watch);
  document.addEventListener("DOMContentLoaded", function () {
    observer.observe(document.body, { childList: true, subtree: true });
  });
})();
