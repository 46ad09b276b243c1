// Client-side glue for the explorer page (no data work here).
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  explorer: {
    // The read-only link box shows the full URL of the current view.
    permalink: function (href) {
      return href || "";
    },
    // On narrow screens the filters live in a drawer that this button opens and closes.
    toggleDrawer: function (n, className) {
      const classes = (className || "drawer").split(" ").filter(Boolean);
      const open = classes.includes("open");
      return (open ? classes.filter((c) => c !== "open") : classes.concat("open")).join(" ");
    },
  },
});
