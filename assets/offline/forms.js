/* WOMS guided forms offline: the published definitions the user may fill are
 * cached on the phone; a plain renderer fills them with no server; drafts are
 * kept in IndexedDB as the user types; "Lưu vào hàng chờ" queues the answers
 * with a client id and the definition version, next to the check-ins.
 *
 * Loaded by the offline page (renderer + queue) and by /pwa.js on the online
 * pages (cache refresh + sending only). Validation follows the server's form
 * engine (woms_pwa/core/forms/validation.py) rule for rule, with the wording of
 * its catalogue, which the server sends with the definitions; the server
 * validates again and its refusals are shown on the queued item.
 */
(function () {
  "use strict";
  if (!self.WomsOffline) return;
  const api = self.WomsOffline;

  // Texts of this page; the validation wording comes from the server (M below).
  const T = {
    draftAt: "Có bản nháp, lưu lúc {time}",
    draftSaved: "Đã lưu nháp trên máy lúc {time}.",
    version: "Phiên bản {version}",
    required: "(bắt buộc)",
    queue: "Lưu vào hàng chờ",
    close: "Đóng, giữ bản nháp",
    queued: "Đã lưu vào hàng chờ: {title}. Sẽ tự gửi khi có mạng.",
    sentOne: "Đã gửi biểu mẫu “{title}” lên máy chủ.",
    sentMeta: "{time} · Phiên bản {version}",
    kind: "Biểu mẫu · Phiên bản {version}",
    files: "Có tệp đính kèm",
    statePending: "Đang chờ gửi",
    stateHeld: "Cần bổ sung theo phiên bản mới",
    stateError: "Máy chủ từ chối",
    fix: "Sửa biểu mẫu",
    fixNew: "Điền theo phiên bản mới",
    retry: "Thử gửi lại",
    remove: "Xoá biểu mẫu này",
    confirmRemove: "Xoá hẳn biểu mẫu “{title}” khỏi máy? Biểu mẫu này sẽ không được gửi.",
    removeFile: "Bỏ tệp",
    editing: "Đang sửa biểu mẫu trong hàng chờ; bấm “Lưu vào hàng chờ” để gửi lại.",
    formGone: "Biểu mẫu này không còn trên máy; hãy mở ứng dụng khi có mạng để tải lại.",
    refused: "Máy chủ từ chối: {detail}",
    serverError: "Máy chủ chưa nhận được (lỗi {status}); sẽ thử lại sau.",
    signInAgain: "Phiên đăng nhập đã hết hạn: hãy đăng nhập lại khi có mạng để gửi.",
    computedPending: "Tự tính khi đủ số liệu",
  };
  const YES = "co";
  const NO = "khong";
  const NUMERIC = new Set(["number", "percent", "money"]);
  const FILES = new Set(["file", "photo"]);
  const CHOICES = new Set(["choice", "multi_choice"]);
  const DEFAULT_MAX_TEXT = 4000;
  const MAX_GROUP_ROWS = 50;
  const DEFAULT_FILE_MB = 10;
  const MAX_PHOTO_SIDE = 1600; // as the check-in photos: enough to read a document
  const EVIDENCE_KEY = /^[0-9a-f]{64}$/;
  const LOCAL = "local:"; // a file chosen on the phone, not uploaded yet
  const SENT_KEEP = 20;

  const $ = (id) => document.getElementById(id);
  const fmt = (text, values) => String(text || "").replace(/\{(\w+)\}/g, (_, k) => (k in values ? String(values[k]) : ""));
  const timeVi = (iso) => {
    const d = new Date(iso);
    const pad = (n) => String(n).padStart(2, "0");
    return `${pad(d.getHours())}:${pad(d.getMinutes())} ${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
  };
  const numberVi = (value, decimals) => new Intl.NumberFormat("vi-VN", { maximumFractionDigits: decimals }).format(value);
  const randomId = () => Math.random().toString(36).slice(2) + Date.now().toString(36);

  /* ---------- IndexedDB: the "cache" store of woms-offline ---------- */

  async function cache(mode, work) {
    const db = await api.openDb();
    return new Promise((resolve, reject) => {
      const transaction = db.transaction("cache", mode);
      const request = work(transaction.objectStore("cache"));
      transaction.oncomplete = () => resolve(request ? request.result : undefined);
      transaction.onerror = () => reject(transaction.error);
      transaction.onabort = () => reject(transaction.error);
    });
  }
  const cacheGet = (key) => cache("readonly", (store) => store.get(key));
  const cachePut = (row) => cache("readwrite", (store) => store.put(row));
  const cacheDelete = (key) => cache("readwrite", (store) => store.delete(key));
  const draftKey = (username, code) => `form-draft:${username}:${code}`;
  const sentKey = (username) => `forms-sent:${username}`;

  async function cachedForms() {
    const row = await cacheGet("forms");
    return row ? row.data : null;
  }

  /* Fetch the forms the user may fill and keep them on the phone (run by sync). */
  async function refreshForms(bearer) {
    let response;
    try {
      response = await fetch("/api/me/forms", { headers: { Authorization: "Bearer " + bearer }, cache: "no-store" });
    } catch (error) {
      return null;
    }
    if (!response.ok) return null;
    const data = await response.json();
    await cachePut({ key: "forms", data, fetched_at: new Date().toISOString() });
    changed();
    return data;
  }

  // Signing out forgets the plan (store.js); the forms list carries the user too.
  const clearPlan = api.clearPlan;
  api.clearPlan = async function () {
    await clearPlan();
    await cacheDelete("forms");
  };

  /* ---------- the form engine's rules (validation.py), in JavaScript ---------- */

  let M = {}; // the server's message catalogue (woms_pwa/core/messages/forms.py)

  const blank = (raw) => raw === null || raw === undefined || (typeof raw === "string" && !raw.trim()) || (Array.isArray(raw) && !raw.length);

  function scalar(raw) {
    if (typeof raw === "boolean") return raw ? YES : NO;
    if (typeof raw === "number") return Number.isInteger(raw) ? String(raw) : numberVi(raw, 6);
    return typeof raw === "string" ? raw : "";
  }

  /* analytics.vntext.parse_number: "12,5", "1.234,5", "1,234.5"; null otherwise. */
  function parseNumber(text) {
    const s = String(text).trim().replace(/\u00a0/g, "").replace(/ /g, "");
    if (!s) return null;
    let value;
    if (/^[+-]?(\d+([.,]\d+)?|[.,]\d+)$/.test(s)) value = Number(s.replace(",", "."));
    else if (/^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s) && (s.includes(",") || s.split(".").length > 2))
      value = Number(s.replace(/\./g, "").replace(",", "."));
    else if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s) && (s.includes(".") || s.split(",").length > 2))
      value = Number(s.replace(/,/g, ""));
    else return null;
    return Number.isFinite(value) ? value : null;
  }

  function checkNumber(f, raw) {
    let value;
    if (typeof raw === "number") value = raw;
    else if (f.type === "money") {
      const text = scalar(raw).trim().replace(/đ$/, "").replace(/₫$/, "").trim();
      if (!/^\d{1,3}([.,\s]\d{3})*$|^\d+$/.test(text)) return [null, fmt(M.NOT_MONEY, { label: f.label })];
      value = Number(text.replace(/[.,\s]/g, ""));
    } else value = parseNumber(scalar(raw).replace(/%$/, ""));
    if (value === null) return [null, fmt(M.NOT_NUMBER, { label: f.label })];
    const low = f.min !== null && f.min !== undefined ? f.min : f.type !== "number" ? 0 : null;
    const high = f.max !== null && f.max !== undefined ? f.max : f.type === "percent" ? 100 : null;
    if (low !== null && value < low) return [null, fmt(M.BELOW_MIN, { label: f.label, min: numberVi(low, 2) })];
    if (high !== null && value > high) return [null, fmt(M.ABOVE_MAX, { label: f.label, max: numberVi(high, 2) })];
    return [value, null];
  }

  function parseDate(text) {
    let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
    let y, mo, d;
    if (m) [y, mo, d] = [+m[1], +m[2], +m[3]];
    else if ((m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim()))) [y, mo, d] = [+m[3], +m[2], +m[1]];
    else return null;
    const date = new Date(Date.UTC(y, mo - 1, d));
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
    return date.toISOString().slice(0, 10);
  }

  function requiredMessage(f) {
    if (CHOICES.has(f.type) || f.type === "yes_no") return fmt(M.REQUIRED_CHOICE, { label: f.label });
    if (FILES.has(f.type)) return fmt(M.REQUIRED_FILE, { label: f.label });
    return fmt(M.REQUIRED, { label: f.label });
  }

  /* One answer that is not blank: [clean value, error]. ``files`` knows the local files. */
  function checkScalar(f, raw, files) {
    if (NUMERIC.has(f.type)) return checkNumber(f, raw);
    const choices = (f.choices || []).map((c) => c.value);
    if (f.type === "multi_choice") {
      const items = Array.isArray(raw) ? raw : [raw];
      if (!items.every((i) => typeof i === "string" && choices.includes(i))) return [null, fmt(M.BAD_CHOICE, { label: f.label })];
      return [choices.filter((c) => items.includes(c)), null];
    }
    if (typeof raw !== "string" && typeof raw !== "number") return [null, fmt(M.BAD_GROUP, { label: f.label })];
    const text = scalar(raw);
    if (f.type === "choice") return choices.includes(text) ? [text, null] : [null, fmt(M.BAD_CHOICE, { label: f.label })];
    if (f.type === "yes_no") return text === YES || text === NO ? [text, null] : [null, fmt(M.BAD_YES_NO, { label: f.label })];
    if (f.type === "date") {
      const day = parseDate(text);
      return day ? [day, null] : [null, fmt(M.NOT_DATE, { label: f.label })];
    }
    if (FILES.has(f.type)) {
      const local = text.startsWith(LOCAL) && files && files[text.slice(LOCAL.length)];
      return local || EVIDENCE_KEY.test(text) ? [text, null] : [null, fmt(M.BAD_FILE, { label: f.label })];
    }
    const clean = f.type === "text" ? text.normalize("NFC").replace(/\s+/g, " ").trim() : text.trim();
    const limit = f.max_length || DEFAULT_MAX_TEXT;
    if (clean.length > limit) return [null, fmt(M.TOO_LONG, { label: f.label, max: numberVi(limit, 0) })];
    if (f.pattern) {
      let pattern = null;
      try {
        pattern = new RegExp("^(?:" + f.pattern + ")$");
      } catch (error) {
        pattern = null; // a Python-only pattern: the server checks it
      }
      if (pattern && !pattern.test(clean)) return [null, f.pattern_message || fmt(M.PATTERN, { label: f.label })];
    }
    return [clean, null];
  }

  function isVisible(f, values) {
    if (!f.show_if) return true;
    if (!(f.show_if.field in values)) return false;
    const answer = values[f.show_if.field];
    return (Array.isArray(answer) ? answer : [answer]).some((a) => f.show_if.values.includes(scalar(a)));
  }

  /* validation.visible_set: shown keys of ``fields`` (chains, later fields, no cycles). */
  function visibleSet(fields, answers, outer, files) {
    const probe = Object.assign({}, outer || {});
    for (const f of fields) {
      const raw = answers[f.key];
      if (f.type !== "group" && !f.compute && !blank(raw)) {
        const [value, error] = checkScalar(f, raw, files);
        if (error === null) probe[f.key] = value;
      }
    }
    const byKey = Object.fromEntries(fields.map((f) => [f.key, f]));
    const memo = {};
    const shown = (f, visiting) => {
      if (f.key in memo) return memo[f.key];
      const controller = f.show_if ? byKey[f.show_if.field] : null;
      const result =
        controller && visiting.has(controller.key)
          ? false
          : isVisible(f, probe) && (!controller || shown(controller, new Set([...visiting, f.key])));
      memo[f.key] = result;
      return result;
    };
    return new Set(fields.filter((f) => shown(f, new Set())).map((f) => f.key));
  }

  /* Safe formulas (expressions.py): numbers, names, + - * / ( ), min max round abs. */
  function evaluate(expression, values) {
    const tokens = String(expression).match(/\d+(\.\d+)?|[A-Za-z_]\w*|[-+*/(),]/g) || [];
    let at = 0;
    const peek = () => tokens[at];
    const take = () => tokens[at++];
    const functions = { min: Math.min, max: Math.max, abs: Math.abs, round: (x, d = 0) => Math.round(x * 10 ** d) / 10 ** d };
    function primary() {
      const token = take();
      if (token === "(") {
        const value = sum();
        take();
        return value;
      }
      if (token === "-") return -primary();
      if (token === "+") return primary();
      if (/^\d/.test(token)) return Number(token);
      if (peek() === "(") {
        take();
        const args = [];
        while (peek() !== ")" && at < tokens.length) {
          args.push(sum());
          if (peek() === ",") take();
        }
        take();
        if (!functions[token] || !args.length) throw new Error("formula");
        return functions[token](...args);
      }
      if (!(token in values) || values[token] === null || values[token] === undefined) throw new Error("missing");
      return values[token];
    }
    function product() {
      let value = primary();
      while (peek() === "*" || peek() === "/") value = take() === "*" ? value * primary() : value / primary();
      return value;
    }
    function sum() {
      let value = product();
      while (peek() === "+" || peek() === "-") value = take() === "+" ? value + product() : value - product();
      return value;
    }
    try {
      const result = sum();
      return Number.isFinite(result) ? result : null;
    } catch (error) {
      return null;
    }
  }

  function checkFields(fields, answers, prefix, outer, files, result) {
    const values = {};
    const shown = visibleSet(fields, answers, outer, files);
    for (const f of fields) {
      if (!shown.has(f.key) || f.compute) continue;
      const path = prefix + f.key;
      const raw = answers[f.key];
      if (f.type === "group") {
        const rows = checkGroup(f, raw, path, Object.assign({}, outer, values), files, result);
        if (rows) values[f.key] = rows;
        continue;
      }
      if (blank(raw)) {
        if (f.required) result.errors.push({ key: path, message: requiredMessage(f) });
        continue;
      }
      const [value, error] = checkScalar(f, raw, files);
      if (error !== null) result.errors.push({ key: path, message: error });
      else values[f.key] = value;
    }
    for (const f of fields) {
      if (shown.has(f.key) && f.compute) {
        const scope = Object.assign({}, outer, values);
        const numbers = Object.fromEntries(Object.entries(scope).filter(([, v]) => typeof v === "number"));
        const computed = evaluate(f.compute, numbers);
        if (computed !== null) values[f.key] = Math.round(computed * 1e6) / 1e6;
      }
    }
    return values;
  }

  function checkGroup(f, raw, path, scope, files, result) {
    let rows = Array.isArray(raw) ? raw : blank(raw) ? [] : null;
    if (rows === null || !rows.every((r) => r && typeof r === "object" && !Array.isArray(r))) {
      result.errors.push({ key: path, message: fmt(M.BAD_GROUP, { label: f.label }) });
      return null;
    }
    const limit = f.max !== null && f.max !== undefined ? Math.floor(f.max) : MAX_GROUP_ROWS;
    if (rows.length > limit) {
      result.errors.push({ key: path, message: fmt(M.TOO_MANY_ROWS, { label: f.label, max: limit }) });
      return null;
    }
    rows = rows.filter((r) => !Object.values(r).every(blank));
    if (!rows.length) {
      if (f.required) result.errors.push({ key: path, message: requiredMessage(f) });
      return null;
    }
    return rows.map((row, index) => checkFields(f.fields, row, `${path}.${index}.`, scope, files, result));
  }

  function allFields(definition) {
    return definition.steps.flatMap((step) => step.fields);
  }

  function checkAnswers(definition, answers, files) {
    const result = { errors: [], values: {} };
    result.values = checkFields(allFields(definition), answers, "", {}, files, result);
    return result;
  }

  /* ---------- the renderer ---------- */

  let forms = null; // {username, user, forms: [...], messages}
  let current = null; // {form, answers, files, item, errors, saveTimer}

  const findForm = (code) => ((forms && forms.forms) || []).find((f) => f.code === code) || null;
  const idOf = (path) => "ff-" + path.replace(/\./g, "-");
  const el = (tag, props, children) => {
    const node = document.createElement(tag);
    Object.assign(node, props || {});
    (children || []).forEach((child) => child && node.appendChild(typeof child === "string" ? document.createTextNode(child) : child));
    return node;
  };

  function defaults(fields) {
    const answers = {};
    for (const f of fields) if (f.default !== null && f.default !== undefined && f.type !== "group") answers[f.key] = f.default;
    return answers;
  }

  /* Keep only the answers the definition knows (a held item opened with a newer version). */
  function keepKnown(definition, answers) {
    const out = {};
    for (const f of allFields(definition)) {
      if (!(f.key in answers)) continue;
      if (f.type === "group") {
        const keys = f.fields.map((s) => s.key);
        const rows = Array.isArray(answers[f.key]) ? answers[f.key] : [];
        out[f.key] = rows.map((row) => Object.fromEntries(Object.entries(row || {}).filter(([k]) => keys.includes(k))));
      } else out[f.key] = answers[f.key];
    }
    return out;
  }

  function fieldLabel(f, forId) {
    const text = f.label + (f.unit ? ` (${f.unit})` : "");
    const label = forId ? el("label", { htmlFor: forId }, [text]) : el("legend", {}, [text]);
    if (f.required && !f.compute) label.appendChild(el("span", { className: "req" }, [" " + T.required]));
    return label;
  }

  function describe(node, ids) {
    const present = ids.filter(Boolean).join(" ");
    if (present) node.setAttribute("aria-describedby", present);
  }

  function renderField(f, path, row, scope) {
    const id = idOf(path);
    const wrap = el("div", { className: "field", id: "wrap-" + id });
    wrap.dataset.path = path;
    const value = row[f.key];
    const helpId = f.help ? id + "-help" : "";
    const errorId = id + "-err";
    const help = f.help ? el("p", { className: "muted", id: helpId }, [f.help]) : null;
    const error = el("p", { className: "error", id: errorId });
    const onChange = (next) => {
      if (next === undefined || next === "" || (Array.isArray(next) && !next.length)) delete row[f.key];
      else row[f.key] = next;
      changedAnswer(path);
    };
    if (f.type === "group") {
      wrap.appendChild(renderGroup(f, path, row, scope, help, error));
      return wrap;
    }
    if (f.compute) {
      wrap.appendChild(fieldLabel(f, id));
      const output = el("output", { id, className: "computed" });
      output.dataset.compute = f.compute;
      wrap.appendChild(output);
      wrap.appendChild(el("p", { className: "muted" }, [M.COMPUTED_HINT || ""]));
      return wrap;
    }
    if (CHOICES.has(f.type) || f.type === "yes_no") {
      const options = f.type === "yes_no" ? [{ value: YES, label: M.YES_LABEL }, { value: NO, label: M.NO_LABEL }] : f.choices;
      const multi = f.type === "multi_choice";
      const set = el("fieldset", { className: "choices", id });
      set.appendChild(fieldLabel(f, null));
      if (help) set.appendChild(help);
      describe(set, [helpId, errorId]);
      options.forEach((option, index) => {
        const input = el("input", { type: multi ? "checkbox" : "radio", name: id, id: `${id}-${index}`, value: option.value });
        input.checked = multi ? Array.isArray(value) && value.includes(option.value) : scalar(value) === option.value;
        input.addEventListener("change", () => {
          if (!multi) return onChange(option.value);
          const chosen = Array.from(set.querySelectorAll("input:checked")).map((i) => i.value);
          onChange(chosen);
        });
        set.appendChild(el("label", { className: "option", htmlFor: input.id }, [input, option.label]));
      });
      set.appendChild(error);
      wrap.appendChild(set);
      return wrap;
    }
    wrap.appendChild(fieldLabel(f, id));
    if (help) wrap.appendChild(help);
    if (FILES.has(f.type)) {
      const input = el("input", { type: "file", id });
      input.accept = f.type === "photo" ? "image/*" : (f.accept && f.accept.length ? f.accept.join(",") : "image/*,application/pdf,.docx,.xlsx");
      if (f.type === "photo") input.setAttribute("capture", "environment");
      describe(input, [helpId, errorId]);
      input.addEventListener("change", () => chooseFile(f, path, row, input));
      wrap.appendChild(input);
      const local = typeof value === "string" && value.startsWith(LOCAL) ? current.files[value.slice(LOCAL.length)] : null;
      if (local || (typeof value === "string" && EVIDENCE_KEY.test(value))) {
        wrap.appendChild(el("p", { className: "attached ok" }, [fmt(M.ATTACHED, { name: local ? local.name : value.slice(0, 12) })]));
        wrap.appendChild(
          el("button", { type: "button", className: "secondary remove-file", textContent: T.removeFile, onclick: () => {
            delete row[f.key];
            changedAnswer(path, true);
          } }),
        );
      }
      wrap.appendChild(error);
      return wrap;
    }
    const input = f.type === "long_text" ? el("textarea", { id, rows: 4 }) : el("input", { id });
    if (f.type === "date") input.type = "date";
    else if (f.type !== "long_text") {
      input.type = "text";
      input.autocomplete = "off";
    }
    if (NUMERIC.has(f.type)) {
      input.inputMode = f.type === "money" ? "numeric" : "decimal";
      input.placeholder = f.type === "money" ? "Ví dụ: 1.500.000" : "Ví dụ: 12,5";
    }
    if (f.required) input.setAttribute("aria-required", "true");
    input.value = value === undefined || value === null ? "" : scalar(value);
    describe(input, [helpId, errorId]);
    input.addEventListener("input", () => onChange(input.value));
    wrap.appendChild(input);
    wrap.appendChild(error);
    return wrap;
  }

  function renderGroup(f, path, row, scope, help, error) {
    const set = el("fieldset", { className: "group", id: idOf(path) });
    set.appendChild(fieldLabel(f, null));
    if (help) set.appendChild(help);
    const rows = Array.isArray(row[f.key]) ? row[f.key] : [];
    row[f.key] = rows;
    const limit = f.max !== null && f.max !== undefined ? Math.floor(f.max) : MAX_GROUP_ROWS;
    rows.forEach((sub, index) => {
      const rowPath = `${path}.${index}`;
      const rowSet = el("fieldset", { className: "group-row", id: idOf(rowPath) });
      rowSet.appendChild(el("legend", {}, [fmt(M.ROW_LABEL, { label: f.label, row: index + 1 })]));
      for (const child of f.fields) rowSet.appendChild(renderField(child, `${rowPath}.${child.key}`, sub, scope));
      rowSet.appendChild(
        el("button", { type: "button", className: "secondary remove-row", textContent: M.REMOVE_ROW, onclick: () => {
          rows.splice(index, 1);
          changedAnswer(path, true, idOf(path) + "-add");
        } }),
      );
      set.appendChild(rowSet);
    });
    const add = el("button", { type: "button", className: "secondary add-row", id: idOf(path) + "-add", textContent: M.ADD_ROW, onclick: () => {
      rows.push(defaults(f.fields));
      changedAnswer(path, true, idOf(`${path}.${rows.length - 1}.${f.fields[0].key}`));
    } });
    add.disabled = rows.length >= limit;
    set.appendChild(add);
    describe(set, [help ? help.id : "", error.id]);
    set.appendChild(error);
    return set;
  }

  async function shrinkPhoto(file) {
    // As app.js does for check-in photos: less to keep on the phone and to send.
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
      return file;
    }
  }

  function sizeText(bytes) {
    return bytes >= 1024 * 1024 ? `${numberVi(bytes / 1024 / 1024, 1)} MB` : `${numberVi(bytes / 1024, 0)} KB`;
  }

  async function chooseFile(f, path, row, input) {
    const file = input.files && input.files[0];
    if (!file) return;
    const errorNode = $(idOf(path) + "-err");
    let blob = f.type === "photo" ? await shrinkPhoto(file) : file;
    const limit = (f.max_size_mb || DEFAULT_FILE_MB) * 1024 * 1024;
    let problem = "";
    if (f.type === "photo" && !/^image\//.test(file.type)) problem = fmt(M.FILE_NOT_IMAGE, { name: file.name });
    else if (blob.size > limit) problem = fmt(M.FILE_TOO_LARGE, { name: file.name, size: sizeText(blob.size), limit: sizeText(limit) });
    if (problem) {
      input.value = "";
      errorNode.textContent = problem;
      input.setAttribute("aria-invalid", "true");
      return;
    }
    const ref = randomId();
    current.files[ref] = { blob, name: file.name, type: blob.type || file.type };
    row[f.key] = LOCAL + ref;
    changedAnswer(path, true, idOf(path));
  }

  function renderForm(focusId) {
    const box = $("form-fill");
    const { form } = current;
    const definition = form.definition;
    box.textContent = "";
    const heading = el("h3", { id: "fill-title", tabIndex: -1 }, [form.title]);
    box.appendChild(heading);
    if (definition.description) box.appendChild(el("p", { className: "muted" }, [definition.description]));
    box.appendChild(el("p", { className: "muted", id: "fill-version" }, [fmt(T.version, { version: form.version })]));
    if (current.item) box.appendChild(el("p", { className: "notice" }, [T.editing]));
    box.appendChild(el("p", { className: "muted", id: "fill-draft" }, [current.savedAt ? fmt(T.draftSaved, { time: timeVi(current.savedAt) }) : ""]));
    const formNode = el("form", { id: "fill-form", noValidate: true });
    for (const step of definition.steps) {
      const set = el("fieldset", { className: "step" }, [el("legend", {}, [step.title])]);
      if (step.help) set.appendChild(el("p", { className: "muted" }, [step.help]));
      for (const f of step.fields) set.appendChild(renderField(f, f.key, current.answers, current.answers));
      formNode.appendChild(set);
    }
    formNode.appendChild(el("p", { className: "error", id: "fill-error", role: "alert" }));
    formNode.appendChild(el("ul", { className: "fill-errors", id: "fill-errors" }));
    formNode.appendChild(el("button", { type: "submit", id: "fill-queue", textContent: T.queue }));
    formNode.appendChild(el("button", { type: "button", className: "secondary", id: "fill-close", textContent: T.close, onclick: closeForm }));
    formNode.addEventListener("submit", onSubmit);
    box.appendChild(formNode);
    refreshVisibility();
    showErrors(current.errors, false);
    if (focusId && $(focusId)) $(focusId).focus();
  }

  /* Hide fields whose condition fails, fill computed outputs; no re-render (keeps the caret). */
  function refreshVisibility() {
    const apply = (fields, answers, prefix, outer) => {
      const shown = visibleSet(fields, answers, outer, current.files);
      const values = checkFields(fields, answers, prefix, outer, current.files, { errors: [] });
      for (const f of fields) {
        const path = prefix + f.key;
        const wrap = $("wrap-" + idOf(path));
        if (wrap) wrap.hidden = !shown.has(f.key);
        if (f.compute && $(idOf(path))) {
          const value = values[f.key];
          $(idOf(path)).textContent = typeof value === "number" ? numberVi(value, 2) + (f.unit ? " " + f.unit : "") : T.computedPending;
        }
        if (f.type === "group" && Array.isArray(answers[f.key])) {
          const scope = Object.assign({}, outer, values);
          answers[f.key].forEach((row, index) => apply(f.fields, row, `${path}.${index}.`, scope));
        }
      }
    };
    apply(allFields(current.form.definition), current.answers, "", {});
  }

  function showErrors(errors, focus) {
    current.errors = errors || [];
    const box = $("form-fill");
    box.querySelectorAll(".field .error").forEach((node) => (node.textContent = ""));
    box.querySelectorAll("[aria-invalid]").forEach((node) => node.removeAttribute("aria-invalid"));
    const list = $("fill-errors");
    list.textContent = "";
    let first = null;
    for (const error of current.errors) {
      const id = idOf(error.key || "");
      const node = error.key ? $(id + "-err") : null;
      if (node) {
        node.textContent = error.message;
        const input = $(id);
        if (input) input.setAttribute("aria-invalid", "true");
        first = first || (input && input.tagName === "FIELDSET" ? input.querySelector("input") : input);
      } else list.appendChild(el("li", {}, [error.message]));
    }
    $("fill-error").textContent = current.errors.length ? M.FIX_ERRORS : "";
    if (focus) (first || $("fill-title")).focus();
  }

  function changedAnswer(path, rerender, focusId) {
    // The user is fixing this field: its old message goes.
    current.errors = current.errors.filter((e) => e.key !== path && !e.key.startsWith(path + "."));
    if (rerender) renderForm(focusId);
    else {
      const node = $(idOf(path) + "-err");
      if (node) node.textContent = "";
      refreshVisibility();
    }
    scheduleSave();
  }

  function scheduleSave() {
    clearTimeout(current.saveTimer);
    const target = current;
    current.saveTimer = setTimeout(() => saveDraft(target), 300);
  }

  async function saveDraft(target) {
    const now = new Date().toISOString();
    if (target.item) {
      // Fixing a queued item: the item itself keeps the answers (never dropped).
      Object.assign(target.item, { answers: target.answers, files: target.files });
      await api.putItem(target.item);
    } else {
      await cachePut({
        key: draftKey(forms.username, target.form.code),
        username: forms.username,
        code: target.form.code,
        version: target.form.version,
        answers: target.answers,
        files: target.files,
        updated_at: now,
      });
    }
    target.savedAt = now;
    if (current === target && $("fill-draft")) $("fill-draft").textContent = fmt(T.draftSaved, { time: timeVi(now) });
  }

  async function openForm(code, item) {
    const form = findForm(code);
    if (!form) {
      $("forms-status").textContent = T.formGone;
      return;
    }
    let answers;
    let files = {};
    let savedAt = null;
    let restored = false;
    if (item) {
      answers = keepKnown(form.definition, item.answers || {});
      files = item.files || {};
    } else {
      const draft = await cacheGet(draftKey(forms.username, code));
      if (draft) {
        answers = keepKnown(form.definition, draft.answers || {});
        files = draft.files || {};
        savedAt = draft.updated_at;
        restored = true;
      } else answers = defaults(allFields(form.definition));
    }
    current = { form, answers, files, item: item || null, errors: item ? item.errors || [] : [], savedAt, saveTimer: null };
    $("forms-list").hidden = true;
    $("form-fill").hidden = false;
    $("forms-status").textContent = restored ? M.FORM_DRAFT_RESTORED : "";
    renderForm("fill-title");
    document.body.dataset.formOpen = code;
  }

  async function closeForm() {
    if (current) {
      clearTimeout(current.saveTimer);
      await saveDraft(current);
    }
    current = null;
    $("form-fill").hidden = true;
    $("form-fill").textContent = "";
    $("forms-list").hidden = false;
    delete document.body.dataset.formOpen;
    await renderForms();
  }

  /* Answers as the server takes them: blank answers, blank rows and computed fields left out. */
  function toSend(definition, answers) {
    const out = {};
    for (const f of allFields(definition)) {
      if (f.compute) continue;
      const value = answers[f.key];
      if (f.type === "group") {
        const rows = (Array.isArray(value) ? value : [])
          .map((row) => Object.fromEntries(Object.entries(row).filter(([k, v]) => !blank(v) && !f.fields.find((s) => s.key === k && s.compute))))
          .filter((row) => Object.keys(row).length);
        if (rows.length) out[f.key] = rows;
      } else if (!blank(value)) out[f.key] = value;
    }
    return out;
  }

  async function onSubmit(event) {
    event.preventDefault();
    const { form } = current;
    const answers = toSend(form.definition, current.answers);
    // Blank rows go first, so that the row numbers of the messages match the screen.
    for (const f of allFields(form.definition)) if (f.type === "group") current.answers[f.key] = answers[f.key] || [];
    const checked = checkAnswers(form.definition, answers, current.files);
    if (checked.errors.length) {
      renderForm();
      showErrors(checked.errors, true);
      return;
    }
    clearTimeout(current.saveTimer);
    const files = {};
    JSON.stringify(answers, (key, value) => {
      if (typeof value === "string" && value.startsWith(LOCAL) && current.files[value.slice(LOCAL.length)]) {
        files[value.slice(LOCAL.length)] = current.files[value.slice(LOCAL.length)];
      }
      return value;
    });
    const fields = { answers, files, version: form.version, form_code: form.code, form_title: form.title };
    if (current.item) {
      Object.assign(current.item, fields, { status: "pending", message: "", errors: [] });
      await api.putItem(current.item);
    } else {
      await api.enqueue(Object.assign({ kind: "form", username: forms.username, evidence: {} }, fields));
      await cacheDelete(draftKey(forms.username, form.code));
    }
    current = null;
    $("form-fill").hidden = true;
    $("form-fill").textContent = "";
    $("forms-list").hidden = false;
    delete document.body.dataset.formOpen;
    await renderForms();
    $("forms-status").textContent = fmt(T.queued, { title: form.title });
    $("queue-title").focus();
    if (navigator.onLine) api.sync();
  }

  async function renderForms() {
    const list = $("forms-list");
    if (!list) return;
    const shown = (forms && forms.forms) || [];
    // Read everything first, then redraw at once: two redraws never interleave.
    const drafts = await Promise.all(shown.map((form) => cacheGet(draftKey(forms.username, form.code))));
    $("no-forms").hidden = shown.length > 0;
    list.textContent = "";
    for (const [index, form] of shown.entries()) {
      const draft = drafts[index];
      const button = el("button", { type: "button", className: "form-open", id: "open-" + form.code }, [
        el("span", { className: "form-name" }, [form.title]),
        form.description ? el("span", { className: "form-desc" }, [form.description]) : null,
        draft ? el("span", { className: "form-draft" }, [fmt(T.draftAt, { time: timeVi(draft.updated_at) })]) : null,
      ]);
      button.addEventListener("click", () => openForm(form.code));
      list.appendChild(el("li", {}, [button]));
    }
    await renderSent();
  }

  async function renderSent() {
    const row = forms ? await cacheGet(sentKey(forms.username)) : null;
    const items = (row && row.items) || [];
    $("forms-sent").hidden = !items.length;
    $("forms-sent-title").textContent = M.MY_SUBMISSIONS || $("forms-sent-title").textContent;
    const list = $("forms-sent-list");
    list.textContent = "";
    for (const item of items) {
      list.appendChild(
        el("li", { className: "sent-form" }, [
          el("strong", {}, [item.form_title]),
          el("p", { className: "muted" }, [fmt(T.sentMeta, { time: timeVi(item.sent_at), version: item.version })]),
        ]),
      );
    }
  }

  /* ---------- the queue: rendering (called by app.js) and sending (called by sync) ---------- */

  function firstAnswer(item) {
    const form = findForm(item.form_code);
    const text = form && allFields(form.definition).find((f) => (f.type === "text" || f.type === "long_text") && typeof item.answers[f.key] === "string");
    return text ? item.answers[text.key] : "";
  }

  function renderQueueItem(item) {
    const li = el("li", { className: "queue-item form-item " + item.status });
    li.dataset.clientId = item.client_id;
    li.appendChild(el("strong", {}, [item.form_title || item.form_code]));
    li.appendChild(el("p", {}, [fmt(T.kind, { version: item.version })]));
    const summary = firstAnswer(item);
    if (summary) li.appendChild(el("p", { className: "muted" }, [summary]));
    if (item.files && Object.keys(item.files).length) li.appendChild(el("p", { className: "muted" }, [T.files]));
    const state = { pending: T.statePending, held: T.stateHeld, error: T.stateError }[item.status] || item.status;
    li.appendChild(el("p", { className: "state" }, [state]));
    if (item.message) li.appendChild(el("p", { className: item.status === "pending" ? "muted" : "error" }, [item.message]));
    if (item.errors && item.errors.length && item.status !== "pending") {
      li.appendChild(el("ul", { className: "fill-errors" }, item.errors.map((e) => el("li", {}, [e.message]))));
    }
    const actions = el("div", { className: "row" });
    const button = (text, className, onClick) => el("button", { type: "button", className, textContent: text, onclick: onClick });
    if (item.status === "held" || item.status === "error") {
      actions.appendChild(
        button(item.status === "held" ? T.fixNew : T.fix, "fix", async () => {
          await openForm(item.form_code, item);
          $("forms-section").scrollIntoView();
        }),
      );
    }
    if (item.status === "error") {
      actions.appendChild(
        button(T.retry, "secondary retry", async () => {
          Object.assign(item, { status: "pending", message: "", errors: [] });
          await api.putItem(item);
          if (navigator.onLine) api.sync();
        }),
      );
    }
    actions.appendChild(
      button(T.remove, "danger remove", async () => {
        if (!confirm(fmt(T.confirmRemove, { title: item.form_title || item.form_code }))) return;
        await api.removeItem(item.client_id);
      }),
    );
    li.appendChild(actions);
    return li;
  }

  async function detailOf(response) {
    try {
      const body = await response.json();
      const detail = body.detail;
      if (typeof detail === "string") return { body, message: detail, errors: body.errors || [] };
      if (detail && typeof detail === "object") return { body, message: detail.message || "", errors: detail.errors || [] };
      return { body, message: String(response.status), errors: [] };
    } catch (error) {
      return { body: {}, message: String(response.status), errors: [] };
    }
  }

  async function keep(item, status, message, errors) {
    Object.assign(item, { status, message, errors: errors || [] });
    await api.putItem(item);
  }

  /* Files first (each kept once uploaded), then the answers; "sent", "kept" or "stop". */
  async function sendForm(item, bearer) {
    const auth = { Authorization: "Bearer " + bearer };
    const code = encodeURIComponent(item.form_code);
    const transient = async (response) => {
      await keep(item, "pending", fmt(T.serverError, { status: response.status }));
      return "stop";
    };
    try {
      item.evidence = item.evidence || {};
      const uploads = [];
      for (const [key, value] of Object.entries(item.answers || {})) {
        if (typeof value === "string" && value.startsWith(LOCAL)) uploads.push([key, key, value]);
        if (Array.isArray(value))
          value.forEach((row, index) =>
            Object.entries(row || {}).forEach(([sub, v]) => {
              if (typeof v === "string" && v.startsWith(LOCAL)) uploads.push([`${key}.${sub}`, `${key}.${index}.${sub}`, v]);
            }),
          );
      }
      for (const [fieldKey, path, ref] of uploads) {
        const id = ref.slice(LOCAL.length);
        const file = (item.files || {})[id];
        if (item.evidence[id] || !file) continue;
        const body = new FormData();
        body.append("field_key", fieldKey);
        body.append("file", file.blob, file.name || "tep");
        const upload = await fetch(`/api/forms/${code}/evidence`, { method: "POST", headers: auth, body });
        if (upload.status === 401) return keep(item, "pending", T.signInAgain).then(() => "stop");
        if (upload.status >= 500 || upload.status === 429) return transient(upload);
        if (!upload.ok) {
          const { message } = await detailOf(upload);
          await keep(item, "error", fmt(T.refused, { detail: message }), [{ key: path, message }]);
          return "kept";
        }
        item.evidence[id] = (await upload.json()).key;
        await api.putItem(item); // a retry does not upload the file again
      }
      const answers = JSON.parse(JSON.stringify(item.answers || {}), (key, value) =>
        typeof value === "string" && value.startsWith(LOCAL) ? item.evidence[value.slice(LOCAL.length)] || value : value,
      );
      const response = await fetch(`/api/me/forms/${code}/submissions`, {
        method: "POST",
        headers: Object.assign({ "Content-Type": "application/json" }, auth),
        body: JSON.stringify({ version: item.version, answers, client_id: item.client_id }),
      });
      if (response.status === 201 || response.status === 200) {
        const stored = await response.json();
        await remember(item, stored);
        await api.removeItem(item.client_id);
        return "sent";
      }
      if (response.status === 401) return keep(item, "pending", T.signInAgain).then(() => "stop");
      if (response.status >= 500 || response.status === 429) return transient(response);
      const { body, message, errors } = await detailOf(response);
      if (response.status === 409) {
        item.current_version = body.version || null;
        await keep(item, "held", message, errors);
      } else await keep(item, "error", fmt(T.refused, { detail: message }), errors);
      return "kept";
    } catch (error) {
      return "stop"; // the connection dropped: everything stays queued
    }
  }

  async function remember(item, stored) {
    const key = sentKey(item.username || (forms && forms.username) || "");
    const row = (await cacheGet(key)) || { key, items: [] };
    row.items = [{ client_id: item.client_id, id: stored.id, form_title: item.form_title, version: stored.version, sent_at: new Date().toISOString() }]
      .concat(row.items.filter((i) => i.client_id !== item.client_id))
      .slice(0, SENT_KEEP);
    await cachePut(row);
    if ($("forms-status")) $("forms-status").textContent = fmt(T.sentOne, { title: item.form_title });
  }

  /* ---------- wiring ---------- */

  let refreshing = null;
  let again = false;
  function changed() {
    if (!$("forms-section")) return;
    if (refreshing) {
      again = true; // one more pass once this one is done: the last change is never missed
      return;
    }
    refreshing = (async () => {
      do {
        again = false;
        forms = await cachedForms();
        M = (forms && forms.messages) || M;
        if (!current) await renderForms();
        else await renderSent();
      } while (again);
    })().finally(() => (refreshing = null));
  }

  api.registerSender("form", sendForm);
  api.onRefresh(refreshForms);

  self.WomsForms = {
    renderQueueItem,
    checkAnswers,
    visibleSet,
    cachedForms,
    refreshForms,
    openForm,
    setMessages(messages) {
      M = messages || {};
    },
  };

  async function start() {
    if (!$("forms-section")) return; // on the online pages: cache and sending only
    forms = await cachedForms();
    M = (forms && forms.messages) || {};
    await renderForms();
    api.onChange(changed);
    document.body.dataset.formsReady = "1"; // for the browser tests
  }
  start();
})();
