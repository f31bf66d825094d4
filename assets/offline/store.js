/* WOMS offline store: the user's plan and the queue of check-ins, in IndexedDB.
 *
 * Used by the offline page (/offline/) and, for the "Chờ đồng bộ: N" indicator
 * and background sending, by /pwa.js on the online pages. Needs no server.
 *
 * Exactly once: every queued check-in has a client id made on the phone; the
 * server stores a client id once, so a retry after a lost answer is harmless.
 * Nothing is dropped silently: an item leaves the queue only when the server
 * confirmed it (201/200) or when the user deletes it.
 */
(function () {
  "use strict";

  const DB_NAME = "woms-offline";
  const DB_VERSION = 1;
  const TOKEN_KEY = "woms_token"; // Reflex LocalStorage(name="woms_token"): raw string.

  const T = {
    heldForeign: "Đang chờ người dùng {user} đăng nhập lại trên máy này để gửi.",
    signInAgain: "Phiên đăng nhập đã hết hạn: hãy đăng nhập lại khi có mạng để gửi.",
    serverError: "Máy chủ chưa nhận được (lỗi {status}); sẽ thử lại sau.",
    refused: "Máy chủ từ chối: {detail}",
  };

  function fmt(text, values) {
    return text.replace(/\{(\w+)\}/g, (_, key) => (key in values ? String(values[key]) : ""));
  }

  let dbPromise = null;
  function openDb() {
    if (dbPromise) return dbPromise;
    dbPromise = new Promise((resolve, reject) => {
      const request = indexedDB.open(DB_NAME, DB_VERSION);
      request.onupgradeneeded = () => {
        const db = request.result;
        if (!db.objectStoreNames.contains("queue")) db.createObjectStore("queue", { keyPath: "client_id" });
        if (!db.objectStoreNames.contains("cache")) db.createObjectStore("cache", { keyPath: "key" });
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    return dbPromise;
  }

  async function tx(storeName, mode, work) {
    const db = await openDb();
    return new Promise((resolve, reject) => {
      const transaction = db.transaction(storeName, mode);
      const store = transaction.objectStore(storeName);
      let result;
      Promise.resolve(work(store)).then((value) => {
        result = value;
      });
      transaction.oncomplete = () => resolve(result);
      transaction.onerror = () => reject(transaction.error);
      transaction.onabort = () => reject(transaction.error);
    });
  }

  function req(request) {
    return new Promise((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  }

  function newClientId() {
    if (self.crypto && crypto.randomUUID) return "pwa-" + crypto.randomUUID();
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return "pwa-" + Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  const listeners = new Set();
  function changed() {
    listeners.forEach((listener) => {
      try {
        listener();
      } catch (error) {
        /* a broken listener must not stop the queue */
      }
    });
  }

  async function listQueue() {
    const items = await tx("queue", "readonly", (store) => req(store.getAll()));
    return (items || []).sort((a, b) => (a.created_at < b.created_at ? -1 : 1));
  }

  async function putItem(item) {
    await tx("queue", "readwrite", (store) => req(store.put(item)));
    changed();
    return item;
  }

  async function removeItem(clientId) {
    await tx("queue", "readwrite", (store) => req(store.delete(clientId)));
    changed();
  }

  async function enqueue(fields) {
    const item = Object.assign(
      {
        client_id: newClientId(),
        status: "pending",
        message: "",
        evidence_ref: null,
        created_at: new Date().toISOString(),
      },
      fields,
    );
    return putItem(item);
  }

  async function cachedPlan() {
    const row = await tx("cache", "readonly", (store) => req(store.get("plan")));
    return row ? row.data : null;
  }

  /* Forget the cached plan (on sign-out: the next user of the phone must not
   * see it). Queued items stay: they carry their user's name. */
  async function clearPlan() {
    await tx("cache", "readwrite", (store) => req(store.delete("plan")));
    changed();
  }

  function token() {
    try {
      return localStorage.getItem(TOKEN_KEY) || "";
    } catch (error) {
      return "";
    }
  }

  /* Fetch the user's own plan and keep it on the phone. Returns
   * {plan, status}: status 0 when the network failed, 401 when signed out. */
  async function refreshPlan() {
    const bearer = token();
    if (!bearer) return { plan: await cachedPlan(), status: 401 };
    let response;
    try {
      response = await fetch("/api/me/plan", { headers: { Authorization: "Bearer " + bearer }, cache: "no-store" });
    } catch (error) {
      return { plan: await cachedPlan(), status: 0 };
    }
    if (!response.ok) return { plan: await cachedPlan(), status: response.status };
    const plan = await response.json();
    await tx("cache", "readwrite", (store) =>
      req(store.put({ key: "plan", data: plan, fetched_at: new Date().toISOString() })),
    );
    changed();
    return { plan, status: 200 };
  }

  async function detailOf(response) {
    try {
      const body = await response.json();
      return { body, detail: typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail) };
    } catch (error) {
      return { body: {}, detail: String(response.status) };
    }
  }

  /* Send one item. Returns "sent", "kept" (try later) or "stop" (no point
   * trying the others now: offline or signed out). */
  async function sendOne(item, bearer) {
    const auth = { Authorization: "Bearer " + bearer };
    try {
      if (item.photo && !item.evidence_ref) {
        const form = new FormData();
        form.append("file", item.photo, item.photo_name || "anh.jpg");
        const upload = await fetch("/api/evidence", { method: "POST", headers: auth, body: form });
        if (upload.status === 401) return markAuth(item);
        if (!upload.ok) return refuseOrRetry(item, upload);
        item.evidence_ref = (await upload.json()).key;
        await putItem(item); // a retry reuses the stored photo reference
      }
      const response = await fetch("/api/checkins", {
        method: "POST",
        headers: Object.assign({ "Content-Type": "application/json" }, auth),
        body: JSON.stringify({
          kr_code: item.kr_code,
          value: item.value,
          note: item.note || "",
          client_id: item.client_id,
          date: item.date || null,
          plan_version: item.plan_version || null,
          evidence: item.evidence_ref || null,
        }),
      });
      if (response.status === 201 || response.status === 200) {
        await removeItem(item.client_id);
        return "sent";
      }
      if (response.status === 401) return markAuth(item);
      if (response.status === 409) {
        const { body, detail } = await detailOf(response);
        item.status = "held";
        item.message = detail;
        item.current_version = body.plan_version || null;
        await putItem(item);
        return "kept";
      }
      return refuseOrRetry(item, response);
    } catch (error) {
      return "stop"; // the connection dropped: everything stays queued
    }
  }

  async function markAuth(item) {
    item.status = "pending";
    item.message = T.signInAgain;
    await putItem(item);
    return "stop";
  }

  async function refuseOrRetry(item, response) {
    const { detail } = await detailOf(response);
    if (response.status >= 500 || response.status === 429) {
      item.message = fmt(T.serverError, { status: response.status });
      await putItem(item);
      return "stop";
    }
    item.status = "error";
    item.message = fmt(T.refused, { detail });
    await putItem(item);
    return "kept";
  }

  /* Queued items other than check-ins carry a ``kind``; its script registers
   * how to send them ("sent", "kept" or "stop", as sendOne) and what to keep
   * cached on the phone (run with the bearer token before sending). */
  const senders = {};
  const refreshers = [];

  let running = null;
  /* Send every pending item of the signed-in user, oldest first. One run at a
   * time per page; two tabs at once are made harmless by the client ids. */
  function sync() {
    if (running) return running;
    running = (async () => {
      const result = { sent: 0, waiting: 0 };
      try {
        if (!navigator.onLine) return result;
        const bearer = token();
        const { plan, status } = await refreshPlan();
        if (status !== 200 || !plan) return result;
        for (const refresh of refreshers) await refresh(bearer).catch(() => null);
        for (const item of await listQueue()) {
          if (item.status !== "pending") continue;
          // Other kinds (guided forms) are sent by the script that registered them;
          // without it (not loaded on this page) they simply wait.
          const send = item.kind ? senders[item.kind] : sendOne;
          if (!send) continue;
          if (item.username && item.username !== plan.username) {
            if (!item.message) {
              item.message = fmt(T.heldForeign, { user: item.username });
              await putItem(item);
            }
            continue;
          }
          const outcome = await send(item, bearer);
          if (outcome === "sent") result.sent += 1;
          if (outcome === "stop") break;
        }
        result.waiting = (await listQueue()).length;
        return result;
      } finally {
        running = null;
        changed();
      }
    })();
    return running;
  }

  self.WomsOffline = {
    openDb,
    listQueue,
    enqueue,
    putItem,
    removeItem,
    cachedPlan,
    clearPlan,
    refreshPlan,
    sync,
    token,
    registerSender(kind, send) {
      senders[kind] = send;
    },
    onRefresh(refresh) {
      refreshers.push(refresh);
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
})();
