/* On the online (Reflex) pages: register the service worker, keep the user's
 * plan cached on the phone for offline use, send queued check-ins when the
 * connection returns, and show "Chờ đồng bộ: N" while something is waiting.
 * Loaded with `defer`; the queue code (/offline/store.js) only after `load`. */
(function () {
  "use strict";
  if (!("serviceWorker" in navigator)) return;

  var PLAN_MAX_AGE_MS = 5 * 60 * 1000;
  var lastToken = null;
  var lastRefresh = 0;

  function badge(count) {
    var el = document.getElementById("woms-sync-badge");
    if (!count) {
      if (el) el.remove();
      return;
    }
    if (!el) {
      el = document.createElement("a");
      el.id = "woms-sync-badge";
      el.href = "/offline/";
      el.className = "sync-badge";
      el.setAttribute("role", "status");
      document.body.appendChild(el);
    }
    // Text, not colour: "Chờ đồng bộ: 2" is read out by screen readers too.
    el.textContent = "Chờ đồng bộ: " + new Intl.NumberFormat("vi-VN").format(count);
  }

  function refreshBadge() {
    return self.WomsOffline.listQueue().then(function (items) {
      badge(items.length);
    });
  }

  function tick(force) {
    var api = self.WomsOffline;
    var token = api.token();
    var stale = Date.now() - lastRefresh > PLAN_MAX_AGE_MS;
    if (!token && lastToken) {
      lastToken = null;
      api.clearPlan().then(refreshBadge, refreshBadge); // signed out on this phone
      return;
    }
    if (token && navigator.onLine && (force || token !== lastToken || stale)) {
      lastToken = token;
      lastRefresh = Date.now();
      // sync() refreshes the cached plan first, then sends what is waiting.
      api.sync().then(refreshBadge, refreshBadge);
    } else {
      refreshBadge();
    }
  }

  function start() {
    // After `load`: the worker's install downloads must not compete with the page.
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(function () {});
    var script = document.createElement("script");
    script.src = "/offline/store.js";
    script.onload = function () {
      // Guided forms: keeps their definitions on the phone and sends queued ones.
      var forms = document.createElement("script");
      forms.src = "/offline/forms.js";
      forms.onload = forms.onerror = started;
      document.head.appendChild(forms);
    };
    function started() {
      self.WomsOffline.onChange(refreshBadge);
      tick(true);
      // A sign-in changes the token without a page load (client-side routing).
      setInterval(tick, 3000);
      window.addEventListener("online", function () {
        tick(true);
      });
    }
    document.head.appendChild(script);
  }

  // The queue and forms code waits for an idle moment after `load`: the page's own
  // hydration and first data come first on a slow phone.
  function later() {
    if ("requestIdleCallback" in self) self.requestIdleCallback(start, { timeout: 4000 });
    else setTimeout(start, 1000);
  }
  if (document.readyState === "complete") later();
  else window.addEventListener("load", later);
})();
