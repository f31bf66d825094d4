/* WOMS service worker: the app shell and the offline page, cached on the phone.
 *
 * - The offline page (/offline/ + its scripts), the manifest and icons are
 *   cached at install: they must work with no signal at all.
 * - Page navigations go to the network first (Reflex pages need the server:
 *   its event handlers run over a websocket). When the network fails or is
 *   too slow, the offline page is served instead: there the cadre records
 *   check-ins and fills guided forms into the on-device queue.
 * - Hashed build files (/assets/…) never change: cache-first, so a second
 *   visit opens fast even on a weak connection.
 * - The API and Reflex's own endpoints are never cached here: personal data
 *   is kept by the offline page in IndexedDB, under the user's control.
 */
"use strict";

const VERSION = "woms-2026-11-29-5";
const SHELL_CACHE = `${VERSION}-shell`;
const RUNTIME_CACHE = `${VERSION}-runtime`;
const OFFLINE_URL = "/offline/";
const SHELL = [
  OFFLINE_URL,
  "/offline/app.js",
  "/offline/store.js",
  "/offline/forms.js",
  "/offline/offline.css",
  "/manifest.webmanifest",
  "/favicon.ico",
  "/icon-192.png",
  "/icon-512.png",
  "/apple-touch-icon.png",
];
// A navigation slower than this on a patchy connection falls back to the
// offline page (the cadre can still record progress).
const NAVIGATION_TIMEOUT_MS = 6000;
// Build files of older deployments are left behind by cache-first: keep the
// runtime cache bounded (oldest entries go first).
const RUNTIME_MAX_ENTRIES = 300;
const NEVER_CACHED = [/^\/api\//, /^\/_event/, /^\/ping/, /^\/_upload/, /^\/_health/, /^\/sw\.js$/];

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(SHELL_CACHE)
      .then((cache) => cache.addAll(SHELL.map((url) => new Request(url, { cache: "reload" }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((key) => !key.startsWith(VERSION)).map((key) => caches.delete(key))),
      )
      .then(() => self.clients.claim()),
  );
});

function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("timeout")), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

async function offlinePage() {
  const cached = await caches.match(OFFLINE_URL, { ignoreSearch: true });
  return (
    cached ||
    new Response("<!doctype html><html lang=vi><meta charset=utf-8><title>WOMS</title><p>Không có kết nối mạng.</p>", {
      status: 503,
      headers: { "Content-Type": "text/html; charset=utf-8" },
    })
  );
}

async function navigate(request) {
  const url = new URL(request.url);
  if (url.pathname.startsWith("/offline")) {
    // The offline page itself: cache first, refreshed in the background.
    const cached = await caches.match(OFFLINE_URL);
    const fresh = fetch(request)
      .then((response) => {
        if (response.ok) caches.open(SHELL_CACHE).then((cache) => cache.put(OFFLINE_URL, response.clone()));
        return response;
      })
      .catch(() => null);
    return cached || (await fresh) || offlinePage();
  }
  try {
    return await withTimeout(fetch(request), NAVIGATION_TIMEOUT_MS);
  } catch (error) {
    return offlinePage();
  }
}

async function putRuntime(request, response) {
  const cache = await caches.open(RUNTIME_CACHE);
  await cache.put(request, response);
  const keys = await cache.keys();
  for (const key of keys.slice(0, Math.max(0, keys.length - RUNTIME_MAX_ENTRIES))) await cache.delete(key);
}

async function cacheFirst(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && response.type === "basic") putRuntime(request, response.clone());
  return response;
}

async function networkFirst(request) {
  try {
    const response = await fetch(request);
    if (response.ok && response.type === "basic") putRuntime(request, response.clone());
    return response;
  } catch (error) {
    const cached = await caches.match(request);
    if (cached) return cached;
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (NEVER_CACHED.some((pattern) => pattern.test(url.pathname))) return;
  if (request.mode === "navigate") {
    event.respondWith(navigate(request));
  } else if (url.pathname.startsWith("/assets/")) {
    event.respondWith(cacheFirst(request));
  } else {
    event.respondWith(networkFirst(request));
  }
});
