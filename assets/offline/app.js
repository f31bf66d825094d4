/* The offline page: record check-ins (with a photo) into the on-device queue,
 * see what is waiting, re-map check-ins held after a plan amendment.
 * Runs without the Reflex server; texts are Vietnamese and kept here. */
(function () {
  "use strict";

  const T = {
    online: "Đã có mạng",
    offline: "Đang mất mạng – cập nhật được lưu trên máy",
    who: "Kế hoạch của {user}, lưu trên máy lúc {time}.",
    planOf: "{owner} · Kế hoạch năm {period}",
    krInfo: "Mục tiêu {target} {unit}; đã thực hiện {current}.",
    krInfoNone: "Mục tiêu {target} {unit}; chưa có số liệu.",
    milestoneHelp: "Mục tiêu dạng mốc: nhập 1 nếu đã xong, 0 nếu chưa xong.",
    pickKr: "Vui lòng chọn mục tiêu then chốt.",
    valueRequired: "Vui lòng nhập giá trị thực hiện.",
    valueNotNumber: "Giá trị thực hiện phải là một số, ví dụ 12,5.",
    valueNegative: "Giá trị thực hiện không được âm.",
    milestoneValue: "Mục tiêu dạng mốc chỉ nhận 0 (chưa xong) hoặc 1 (đã xong).",
    dateInvalid: "Ngày số liệu phải trong khoảng {from} – {to}.",
    photoTooLarge: "Ảnh minh chứng quá lớn (tối đa 10 MB).",
    // Same wording as the server's CHECKIN_EVIDENCE_REQUIRED (woms_pwa/core/messages).
    evidenceRequired: "Mục tiêu “{title}” yêu cầu minh chứng; vui lòng đính kèm ảnh hoặc tệp.",
    photoOptional: "Ảnh minh chứng (không bắt buộc)",
    photoRequired: "Ảnh minh chứng * (bắt buộc: mục tiêu này yêu cầu minh chứng)",
    attachPhoto: "Đính kèm ảnh minh chứng rồi gửi lại",
    queued: "Đã lưu vào hàng chờ: {title}. Sẽ tự gửi khi có mạng.",
    sentAll: "Đã gửi {n} cập nhật lên máy chủ.",
    statePending: "Đang chờ gửi",
    stateHeld: "Cần chọn lại mục tiêu",
    stateError: "Máy chủ chưa nhận",
    value: "Giá trị: {value} {unit}",
    date: "Ngày số liệu: {date}",
    photo: "Có ảnh minh chứng",
    remapLabel: "Ghi cập nhật này vào mục tiêu",
    remap: "Ghi vào mục tiêu đã chọn",
    retry: "Thử gửi lại",
    withoutPhoto: "Gửi không kèm ảnh",
    remove: "Xoá cập nhật này",
    confirmRemove: "Xoá hẳn cập nhật “{title}” khỏi máy? Cập nhật này sẽ không được gửi.",
    noActive: "Kế hoạch hiện không còn mục tiêu nào để ghi.",
  };
  const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
  const MAX_PHOTO_SIDE = 1600; // enough to read a document; small enough for weak 4G

  const $ = (id) => document.getElementById(id);
  const fmt = (text, values) => text.replace(/\{(\w+)\}/g, (_, k) => (k in values ? String(values[k]) : ""));
  const numberVi = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 });
  const dateVi = (iso) => (iso && /^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(8, 10) + "/" + iso.slice(5, 7) + "/" + iso.slice(0, 4) : "—");
  const timeVi = (iso) => {
    const d = new Date(iso);
    const pad = (n) => String(n).padStart(2, "0");
    return `${pad(d.getHours())}:${pad(d.getMinutes())} ${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
  };

  let plan = null;
  let fetchedAt = null;

  /* "1.234,5" → 1234.5; "12,5" → 12.5; "1.234" → 1234; null when not a number. */
  function parseVi(raw) {
    let text = String(raw || "").replace(/\s/g, "");
    if (!text) return null;
    if (text.includes(",")) text = text.replace(/\./g, "").replace(",", ".");
    else if (/^-?\d{1,3}(\.\d{3})+$/.test(text)) text = text.replace(/\./g, "");
    if (!/^-?\d+(\.\d+)?$/.test(text)) return null;
    return Number(text);
  }

  function allKrs() {
    const out = [];
    for (const p of (plan && plan.plans) || []) {
      for (const kr of p.key_results) out.push({ kr, plan: p });
    }
    return out;
  }
  const findKr = (code) => allKrs().find((row) => row.kr.code === code) || null;
  const activeKrs = () => allKrs().filter((row) => row.kr.status === "active");

  function renderNet() {
    const net = $("net");
    net.textContent = navigator.onLine ? T.online : T.offline;
    net.className = "net " + (navigator.onLine ? "online" : "offline");
    $("sync-now").disabled = !navigator.onLine;
  }

  function fillKrSelect(select, placeholder) {
    select.textContent = "";
    const first = document.createElement("option");
    first.value = "";
    first.textContent = placeholder;
    select.appendChild(first);
    for (const p of (plan && plan.plans) || []) {
      const active = p.key_results.filter((kr) => kr.status === "active");
      if (!active.length) continue;
      const group = document.createElement("optgroup");
      group.label = fmt(T.planOf, { owner: p.owner_name, period: p.period });
      for (const kr of active) {
        const option = document.createElement("option");
        option.value = kr.code;
        option.textContent = kr.title;
        group.appendChild(option);
      }
      select.appendChild(group);
    }
  }

  function renderPlan() {
    const has = !!(plan && plan.plans && plan.plans.length);
    $("no-plan").hidden = has;
    $("checkin-form").hidden = !has;
    $("who").textContent = has && fetchedAt ? fmt(T.who, { user: plan.user, time: timeVi(fetchedAt) }) : "";
    if (!has) return;
    const keep = $("kr").value;
    fillKrSelect($("kr"), "— Chọn mục tiêu —");
    if (keep && findKr(keep)) $("kr").value = keep;
    onKrChange();
  }

  function onKrChange() {
    const row = findKr($("kr").value);
    const info = $("kr-info");
    const date = $("date");
    if (!row) {
      info.textContent = "";
      $("value-unit").textContent = "";
      showPhotoRequired(false);
      return;
    }
    const { kr, plan: p } = row;
    $("value-unit").textContent = kr.unit ? `(${kr.unit})` : "";
    const base = kr.current_vi
      ? fmt(T.krInfo, { target: kr.target_vi, unit: kr.unit, current: `${kr.current_vi} ${kr.unit} (${kr.as_of_vi})` })
      : fmt(T.krInfoNone, { target: kr.target_vi, unit: kr.unit });
    info.textContent = kr.direction === "milestone" ? base + " " + T.milestoneHelp : base;
    showPhotoRequired(kr.evidence_required);
    date.min = p.period_start;
    date.max = p.max_date;
    if (!date.value || date.value < p.period_start || date.value > p.max_date) date.value = p.default_date;
  }

  function showPhotoRequired(required) {
    // Key results with "evidence required" take no reading without a photo or file.
    document.querySelector('label[for="photo"]').textContent = required ? T.photoRequired : T.photoOptional;
    $("photo").required = !!required;
  }

  async function shrinkPhoto(file) {
    // Downscale large camera photos before queueing: less to store and send.
    if (!file || !/^image\/(jpeg|png|webp)$/.test(file.type) || !self.createImageBitmap) return file;
    try {
      const bitmap = await createImageBitmap(file);
      const scale = Math.min(1, MAX_PHOTO_SIDE / Math.max(bitmap.width, bitmap.height));
      if (scale === 1 && file.size < 1024 * 1024) return file;
      const canvas = document.createElement("canvas");
      canvas.width = Math.round(bitmap.width * scale);
      canvas.height = Math.round(bitmap.height * scale);
      canvas.getContext("2d").drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      const blob = await new Promise((resolve) => canvas.toBlob(resolve, "image/jpeg", 0.85));
      return blob && blob.size < file.size ? blob : file;
    } catch (error) {
      return file; // an image the browser cannot decode is kept as it is
    }
  }

  async function onSubmit(event) {
    event.preventDefault();
    const error = $("form-error");
    error.textContent = "";
    $("form-status").textContent = "";
    const row = findKr($("kr").value);
    const raw = $("value").value.trim();
    const number = parseVi(raw);
    const date = $("date").value;
    const file = $("photo").files && $("photo").files[0];
    let problem = "";
    let focus = null;
    if (!row) [problem, focus] = [T.pickKr, "kr"];
    else if (!raw) [problem, focus] = [T.valueRequired, "value"];
    else if (number === null) [problem, focus] = [T.valueNotNumber, "value"];
    else if (row.kr.direction === "milestone" && number !== 0 && number !== 1) [problem, focus] = [T.milestoneValue, "value"];
    else if (number < 0 && !(row.kr.target < 0)) [problem, focus] = [T.valueNegative, "value"];
    else if (!date || date < row.plan.period_start || date > row.plan.max_date)
      [problem, focus] = [fmt(T.dateInvalid, { from: dateVi(row.plan.period_start), to: dateVi(row.plan.max_date) }), "date"];
    else if (!file && row.kr.evidence_required) [problem, focus] = [fmt(T.evidenceRequired, { title: row.kr.title }), "photo"];
    else if (file && file.size > MAX_PHOTO_BYTES) [problem, focus] = [T.photoTooLarge, "photo"];
    if (problem) {
      error.textContent = problem;
      $(focus).setAttribute("aria-invalid", "true");
      $(focus).focus();
      return;
    }
    ["kr", "value", "date", "photo"].forEach((id) => $(id).removeAttribute("aria-invalid"));
    const photo = file ? await shrinkPhoto(file) : null;
    await WomsOffline.enqueue({
      username: plan.username,
      kr_code: row.kr.code,
      kr_title: row.kr.title,
      unit: row.kr.unit,
      plan_owner: row.plan.owner_code,
      plan_version: row.plan.version,
      value: raw,
      note: $("note").value.trim(),
      date,
      photo,
      photo_name: file ? file.name : null,
    });
    $("value").value = "";
    $("note").value = "";
    $("photo").value = "";
    $("form-status").textContent = fmt(T.queued, { title: row.kr.title });
    await renderQueue();
    if (navigator.onLine) syncNow();
  }

  function button(text, className, onClick) {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = text;
    if (className) b.className = className;
    b.addEventListener("click", onClick);
    return b;
  }

  function line(text, className) {
    const p = document.createElement("p");
    p.textContent = text;
    if (className) p.className = className;
    return p;
  }

  function renderItem(item) {
    const li = document.createElement("li");
    li.className = "queue-item " + item.status;
    li.dataset.clientId = item.client_id;
    const title = document.createElement("strong");
    title.textContent = item.kr_title || item.kr_code;
    li.appendChild(title);
    li.appendChild(line(fmt(T.value, { value: item.value, unit: item.unit || "" })));
    li.appendChild(line(fmt(T.date, { date: dateVi(item.date) })));
    if (item.note) li.appendChild(line(item.note, "muted"));
    if (item.photo || item.evidence_ref) li.appendChild(line(T.photo, "muted"));
    const state = { pending: T.statePending, held: T.stateHeld, error: T.stateError }[item.status] || item.status;
    li.appendChild(line(state, "state"));
    if (item.message) li.appendChild(line(item.message, item.status === "pending" ? "muted" : "error"));
    const actions = document.createElement("div");
    actions.className = "row";
    if (item.status === "held") {
      const id = "remap-" + item.client_id;
      const label = document.createElement("label");
      label.htmlFor = id;
      label.textContent = T.remapLabel;
      const select = document.createElement("select");
      select.id = id;
      select.className = "remap-select";
      fillKrSelect(select, activeKrs().length ? "— Chọn mục tiêu —" : T.noActive);
      li.appendChild(label);
      li.appendChild(select);
      actions.appendChild(
        button(T.remap, "remap", async () => {
          const row = findKr(select.value);
          if (!row) {
            select.setAttribute("aria-invalid", "true");
            select.focus();
            return;
          }
          Object.assign(item, {
            kr_code: row.kr.code,
            kr_title: row.kr.title,
            unit: row.kr.unit,
            plan_owner: row.plan.owner_code,
            plan_version: row.plan.version,
            status: "pending",
            message: "",
          });
          await WomsOffline.putItem(item);
          if (navigator.onLine) syncNow();
        }),
      );
    }
    if (item.status === "error") {
      actions.appendChild(
        button(T.retry, "secondary retry", async () => {
          Object.assign(item, { status: "pending", message: "" });
          await WomsOffline.putItem(item);
          if (navigator.onLine) syncNow();
        }),
      );
    }
    const needsEvidence = item.status === "error" && !item.photo && !item.evidence_ref && !!(findKr(item.kr_code) || { kr: {} }).kr.evidence_required;
    if (needsEvidence) {
      // Refused for lack of evidence: the reading is kept; a photo sends it again.
      const id = "attach-" + item.client_id;
      const label = document.createElement("label");
      label.htmlFor = id;
      label.textContent = T.attachPhoto;
      const input = document.createElement("input");
      input.type = "file";
      input.id = id;
      input.className = "attach-photo";
      input.accept = "image/*,application/pdf";
      input.setAttribute("capture", "environment");
      input.addEventListener("change", async () => {
        const file = input.files && input.files[0];
        if (!file) return;
        if (file.size > MAX_PHOTO_BYTES) {
          item.message = T.photoTooLarge;
          await WomsOffline.putItem(item);
          return;
        }
        const photo = await shrinkPhoto(file);
        Object.assign(item, { photo, photo_name: file.name, evidence_ref: null, status: "pending", message: "" });
        await WomsOffline.putItem(item);
        if (navigator.onLine) syncNow();
      });
      li.appendChild(label);
      li.appendChild(input);
    }
    if (item.status === "error" && item.photo && !item.evidence_ref) {
      // The server refused the photo (type, size): the reading itself can still go.
      actions.appendChild(
        button(T.withoutPhoto, "secondary without-photo", async () => {
          Object.assign(item, { photo: null, photo_name: null, status: "pending", message: "" });
          await WomsOffline.putItem(item);
          if (navigator.onLine) syncNow();
        }),
      );
    }
    actions.appendChild(
      button(T.remove, "danger remove", async () => {
        if (!confirm(fmt(T.confirmRemove, { title: item.kr_title || item.kr_code }))) return;
        await WomsOffline.removeItem(item.client_id);
      }),
    );
    li.appendChild(actions);
    return li;
  }

  let rendering = Promise.resolve();
  function renderQueue() {
    // Serialised: IndexedDB answers may come back out of order.
    rendering = rendering.then(async () => {
      const items = await WomsOffline.listQueue();
      $("queue-count").textContent = numberVi.format(items.length);
      $("queue-empty").hidden = items.length > 0;
      const list = $("queue");
      const hadFocus = list.contains(document.activeElement);
      const focusedId = hadFocus ? document.activeElement.id : "";
      // A re-render (another item was sent) must not undo a choice being made.
      const chosen = {};
      list.querySelectorAll(".remap-select").forEach((select) => (chosen[select.id] = select.value));
      list.textContent = "";
      // Guided forms queued offline are drawn by forms.js.
      items.forEach((item) => list.appendChild(item.kind === "form" && self.WomsForms ? WomsForms.renderQueueItem(item) : renderItem(item)));
      Object.entries(chosen).forEach(([id, value]) => {
        const select = $(id);
        if (select && value) select.value = value;
      });
      if (focusedId && $(focusedId)) $(focusedId).focus();
      else if (hadFocus) $("queue-title").focus();
    });
    return rendering;
  }

  async function syncNow() {
    const result = await WomsOffline.sync();
    await loadPlan();
    if (result && result.sent) $("form-status").textContent = fmt(T.sentAll, { n: numberVi.format(result.sent) });
  }

  async function loadPlan() {
    const db = await WomsOffline.openDb();
    const row = await new Promise((resolve) => {
      const request = db.transaction("cache").objectStore("cache").get("plan");
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => resolve(null);
    });
    plan = row ? row.data : null;
    fetchedAt = row ? row.fetched_at : null;
    renderPlan();
    await renderQueue();
  }

  async function start() {
    $("queue-title").tabIndex = -1;
    renderNet();
    $("kr").addEventListener("change", onKrChange);
    $("checkin-form").addEventListener("submit", onSubmit);
    $("sync-now").addEventListener("click", syncNow);
    WomsOffline.onChange(() => renderQueue());
    window.addEventListener("online", () => {
      renderNet();
      syncNow();
    });
    window.addEventListener("offline", renderNet);
    await loadPlan();
    if (navigator.onLine) await syncNow();
    document.body.dataset.ready = "1"; // for the browser tests
  }

  start();
})();
