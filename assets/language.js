// The language switcher keeps the view: each link is this page's query with its own `lang`.
// The page is built per language on the server, so a switch is a full load (explorer/app/language.py).
// The texts the page's scripts write, in the page's language: a <meta> the server fills in.
window.explorerTexts = function () {
  const tag = document.querySelector('meta[name="explorer-texts"]');
  try {
    return JSON.parse(tag.content);
  } catch (e) {
    return {};
  }
};

window.dash_clientside = Object.assign({}, window.dash_clientside, {
  language: {
    links: function (search, codes) {
      const params = new URLSearchParams(search || "");
      const current = params.get("lang");
      if (current) {
        // <html lang> follows the URL (the server sets it too, for the first paint).
        document.documentElement.lang = current === "zh" ? "zh-Hans" : current;
      }
      return (codes || []).map(function (code) {
        params.set("lang", code.lang);
        return "?" + params.toString();
      });
    },
  },
});
