// Resumable, chunked uploads for the entry form (_EntryUploader partial, API /api/tai-len).
// Files go up one at a time in chunks of `chunkBytes`. After a network error the script asks the server
// how much arrived and carries on from there, with growing pauses, up to MAX_RETRIES times in a row;
// while the phone is offline it just waits for the network. An upload cut short by a reload resumes when
// the same file is chosen again (its session id is remembered in localStorage).
(function () {
  "use strict";

  var MAX_RETRIES = 8;
  var STALL_MS = 60000;
  var POLL_MS = 5000;
  var POLL_LIMIT = 120;
  var STORE_PREFIX = "dmst-tai-len:";
  var TRANSIENT = [0, 408, 423, 425, 429, 500, 502, 503, 504];
  var FALLBACK = {
    400: "Yêu cầu không hợp lệ. Vui lòng tải lại trang rồi thử lại.",
    401: "Phiên đăng nhập đã hết. Vui lòng đăng nhập lại.",
    403: "Không thể thay đổi tệp của công trình này.",
    404: "Không tìm thấy lượt tải lên hoặc công trình.",
    413: "Tệp hoặc phần dữ liệu gửi lên quá lớn.",
    415: "Định dạng tệp không được chấp nhận.",
    422: "Tệp không được chấp nhận. Vui lòng kiểm tra tên, kích thước và nội dung tệp."
  };

  function init(root) {
    if (root.dataset.ready) return;
    root.dataset.ready = "true";
    var ui = {
      root: root,
      entryId: Number(root.dataset.entryId),
      endpoint: root.dataset.endpoint,
      chunkBytes: Number(root.dataset.chunkBytes) || 8388608,
      token: root.dataset.token || "",
      canEdit: root.dataset.canEdit === "true",
      status: root.querySelector("[data-role=status]"),
      queue: [],
      busy: false,
      polls: 0,
      pollTimer: 0
    };

    root.querySelectorAll(".uploader-input").forEach(function (input) {
      input.addEventListener("change", function () {
        var files = Array.prototype.slice.call(input.files || []);
        input.value = "";
        files.forEach(function (file) { enqueue(ui, file, input.dataset.kind); });
      });
    });

    root.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button || !root.contains(button)) return;
      if (button.classList.contains("uploader-remove")) removeMedia(ui, button);
      else if (button.classList.contains("uploader-retry")) retryMedia(ui, button);
      else if (button.classList.contains("uploader-abandon")) abandon(ui, button);
    });

    refresh(ui);
  }

  // ---- Queue -----------------------------------------------------------------------------------------

  function enqueue(ui, file, kind) {
    var item = { file: file, kind: kind, received: 0, cancelled: false, xhr: null, lastAnnounced: -1 };
    item.row = buildRow(ui, item);
    areaOf(ui, kind).querySelector("[data-role=queue]").appendChild(item.row.li);
    ui.queue.push(item);
    pump(ui);
  }

  function pump(ui) {
    if (ui.busy) return;
    var next = ui.queue.shift();
    if (!next) return;
    ui.busy = true;
    upload(ui, next).catch(function () {
      fail(next, "Có lỗi không mong muốn khi tải tệp. Vui lòng thử lại.");
    }).then(function () {
      ui.busy = false;
      pump(ui);
    });
  }

  function buildRow(ui, item) {
    var li = el("li", "uploader-item");
    var name = el("span", "uploader-name", item.file.name);
    var progress = el("progress", "uploader-progress");
    progress.max = 100;
    progress.value = 0;
    progress.setAttribute("aria-label", "Tiến độ tải lên " + item.file.name);
    var percent = el("span", "uploader-percent", "Đang chờ…");
    percent.setAttribute("aria-hidden", "true");
    var live = el("span", "visually-hidden");
    live.setAttribute("aria-live", "polite");
    var error = el("p", "uploader-error");
    error.setAttribute("role", "alert");
    var actions = el("span", "uploader-actions");
    var cancel = button("Hủy", "Hủy tải lên " + item.file.name);
    cancel.addEventListener("click", function () { cancelItem(ui, item); });
    var retry = button("Tiếp tục tải", "Tiếp tục tải " + item.file.name);
    retry.hidden = true;
    retry.addEventListener("click", function () {
      retry.hidden = true;
      error.textContent = "";
      ui.queue.push(item);
      pump(ui);
    });
    actions.appendChild(retry);
    actions.appendChild(cancel);
    li.appendChild(name);
    li.appendChild(progress);
    li.appendChild(percent);
    li.appendChild(live);
    li.appendChild(actions);
    li.appendChild(error);
    return { li: li, progress: progress, percent: percent, live: live, error: error, cancel: cancel, retry: retry };
  }

  function say(item, text, announce) {
    item.row.percent.textContent = text;
    if (announce) item.row.live.textContent = item.file.name + ": " + text;
  }

  function showProgress(item, sent) {
    var size = item.file.size;
    var pct = size > 0 ? Math.min(100, Math.floor((sent * 100) / size)) : 100;
    item.row.progress.value = pct;
    // Screen readers hear every 10 %, not every progress event.
    var step = Math.floor(pct / 10);
    say(item, "Đang tải lên " + pct + "%", step !== item.lastAnnounced);
    item.lastAnnounced = step;
  }

  function fail(item, message) {
    item.row.li.classList.add("is-error");
    item.row.error.textContent = message;
    say(item, "Không tải lên được", false);
    item.row.live.textContent = ""; // the alert below reads the reason
    item.row.cancel.textContent = "Bỏ";
    item.row.cancel.setAttribute("aria-label", "Bỏ tệp " + item.file.name + " khỏi danh sách");
    item.finished = true;
  }

  function stall(item) {
    item.row.error.textContent = "Mạng chập chờn nên chưa tải lên được. Bấm “Tiếp tục tải” để tải tiếp phần còn lại.";
    say(item, "Tạm dừng", true);
    item.row.retry.hidden = false;
  }

  // ---- One file --------------------------------------------------------------------------------------

  function upload(ui, item) {
    var file = item.file;
    var key = STORE_PREFIX + [ui.entryId, item.kind, file.name, file.size, file.lastModified].join("|");
    var id = safeGet(key);
    var attempt = 0;
    item.row.li.classList.remove("is-error");
    say(item, "Đang bắt đầu…", true);

    function start() {
      if (id) {
        return api(ui, "GET", "/" + id).then(function (r) {
          if (r.status === 200) { item.received = r.body.received; return true; }
          if (TRANSIENT.indexOf(r.status) >= 0) throw r;
          id = null;
          safeRemove(key);
          return start();
        });
      }
      return api(ui, "POST", "", { entryId: ui.entryId, kind: item.kind, fileName: file.name, size: file.size })
        .then(function (r) {
          if (r.status !== 201) {
            if (TRANSIENT.indexOf(r.status) >= 0) throw r;
            fail(item, errorOf(r));
            return false;
          }
          id = r.body.id;
          ui.chunkBytes = r.body.chunkBytes || ui.chunkBytes;
          item.received = 0;
          safeSet(key, id);
          return true;
        });
    }

    function step() {
      if (item.cancelled) return Promise.resolve();
      item.sessionId = id;
      item.row.li.dataset.session = id;
      if (item.received < file.size) {
        var end = Math.min(item.received + ui.chunkBytes, file.size);
        return putChunk(ui, item, id, file.slice(item.received, end)).then(function (r) {
          if (r.status === 200) { item.received = r.body.received; attempt = 0; showProgress(item, item.received); return step(); }
          if (r.status === 409) { item.received = r.body.received; return retryLater(r); }
          return settle(r);
        }, retryLater);
      }
      say(item, "Đang kiểm tra tệp…", true);
      item.row.progress.value = 100;
      return api(ui, "POST", "/" + id + "/hoan-tat").then(function (r) {
        if (r.status === 201) {
          safeRemove(key);
          done(ui, item);
          return undefined;
        }
        if (r.status === 409) { item.received = r.body.received; return retryLater(r); }
        return settle(r);
      }, retryLater);
    }

    // A refusal ends the upload (the server has dropped it); anything transient is retried.
    function settle(r) {
      if (TRANSIENT.indexOf(r.status) >= 0) return retryLater(r);
      safeRemove(key);
      fail(item, errorOf(r));
      return undefined;
    }

    function retryLater(reason) {
      if (item.cancelled) return Promise.resolve();
      attempt += 1;
      if (attempt > MAX_RETRIES) { stall(item); return Promise.resolve(); }
      return waitForNetwork(item, backoff(attempt, reason)).then(function () {
        if (item.cancelled) return undefined;
        return api(ui, "GET", "/" + id).then(function (r) {
          if (r.status === 200) { item.received = r.body.received; return step(); }
          return settle(r);
        }, retryLater);
      });
    }

    // Could not even start (offline, server busy): try again the same way.
    function begin() {
      return start().then(function (ok) { return ok ? step() : undefined; }, function (reason) {
        if (item.cancelled) return undefined;
        attempt += 1;
        if (attempt > MAX_RETRIES) { stall(item); return undefined; }
        return waitForNetwork(item, backoff(attempt, reason)).then(begin);
      });
    }

    return begin();
  }

  function backoff(attempt, reason) {
    var delay = Math.min(30000, 1000 * Math.pow(2, attempt - 1)) + Math.floor(Math.random() * 500);
    var retryAfter = reason && reason.retryAfter ? reason.retryAfter * 1000 : 0;
    return Math.max(delay, retryAfter);
  }

  function waitForNetwork(item, delay) {
    return new Promise(function (resolve) {
      if (navigator.onLine === false) {
        say(item, "Mất kết nối mạng — sẽ tự tải tiếp khi có mạng.", true);
        window.addEventListener("online", function () { resolve(); }, { once: true });
        return;
      }
      say(item, "Kết nối bị gián đoạn, thử lại sau " + Math.ceil(delay / 1000) + " giây…", true);
      setTimeout(resolve, delay);
    });
  }

  function putChunk(ui, item, id, blob) {
    return new Promise(function (resolve, reject) {
      var xhr = new XMLHttpRequest();
      var base = item.received;
      var watchdog = 0;
      function arm() {
        clearTimeout(watchdog);
        watchdog = setTimeout(function () { xhr.abort(); }, STALL_MS);
      }
      item.xhr = xhr;
      xhr.open("PUT", ui.endpoint + "/" + id + "?offset=" + base);
      xhr.setRequestHeader("Content-Type", "application/octet-stream");
      xhr.setRequestHeader("RequestVerificationToken", ui.token);
      xhr.upload.onprogress = function (e) { arm(); showProgress(item, base + e.loaded); };
      xhr.onload = function () {
        clearTimeout(watchdog);
        item.xhr = null;
        resolve(responseOf(xhr.status, xhr.responseText, xhr.getResponseHeader("Retry-After")));
      };
      xhr.onerror = xhr.onabort = xhr.ontimeout = function () {
        clearTimeout(watchdog);
        item.xhr = null;
        reject({ status: 0 });
      };
      arm();
      xhr.send(blob);
    });
  }

  function done(ui, item) {
    item.finished = true;
    item.row.cancel.hidden = true;
    say(item, "Đã tải lên, đang chờ xử lý", true);
    item.row.li.classList.add("is-done");
    setTimeout(function () { item.row.li.remove(); }, 1500);
    refresh(ui);
  }

  function cancelItem(ui, item) {
    item.cancelled = true;
    var index = ui.queue.indexOf(item);
    if (index >= 0) ui.queue.splice(index, 1);
    if (item.xhr) item.xhr.abort();
    if (item.sessionId && !item.finished) {
      deleteSession(ui, item.sessionId, 3);
      safeRemove(STORE_PREFIX + [ui.entryId, item.kind, item.file.name, item.file.size, item.file.lastModified].join("|"));
    }
    var area = item.row.li.closest(".uploader-area");
    item.row.li.remove();
    announce(ui, "Đã hủy tải lên " + item.file.name + ".");
    focusHeading(area);
  }

  // ---- Existing files ---------------------------------------------------------------------------------

  function refresh(ui) {
    clearTimeout(ui.pollTimer);
    return api(ui, "GET", "/tep/" + ui.entryId).then(function (r) {
      if (r.status !== 200) return;
      render(ui, r.body);
      var pending = r.body.files.some(function (f) { return f.state === "Pending" || f.state === "Processing"; });
      if (pending && ui.polls < POLL_LIMIT) {
        ui.polls += 1;
        ui.pollTimer = setTimeout(function () { refresh(ui); }, POLL_MS);
      }
    }, function () { });
  }

  function render(ui, data) {
    var count = ui.root.querySelector("[data-role=count]");
    if (count) count.textContent = String(data.files.length);
    ui.root.querySelectorAll(".uploader-area").forEach(function (area) {
      var kind = area.dataset.kind;
      var list = area.querySelector("[data-role=files]");
      var focused = list.contains(document.activeElement);
      list.textContent = "";
      var files = data.files.filter(function (f) { return f.kind === kind; });
      files.forEach(function (f) { list.appendChild(fileRow(ui, f, data.canEdit)); });
      data.unfinished.filter(function (u) { return u.kind === kind && !inProgress(area, u.id); })
        .forEach(function (u) { list.appendChild(unfinishedRow(u, data.canEdit)); });
      if (!list.children.length) list.appendChild(el("li", "uploader-empty", "Chưa có tệp."));
      if (focused) focusHeading(area);
    });
  }

  function inProgress(area, id) {
    return !!area.querySelector("[data-role=queue] [data-session='" + id + "']");
  }

  function fileRow(ui, f, canEdit) {
    var li = el("li", "uploader-file");
    li.dataset.mediaId = f.id;
    if (f.thumbnailUrl) {
      var img = el("img", "uploader-thumb");
      img.src = f.thumbnailUrl;
      img.loading = "lazy";
      img.alt = "Ảnh “" + f.name + "”";
      img.width = 64;
      img.height = 64;
      li.appendChild(img);
    } else {
      var icon = el("span", "uploader-icon", f.kind === "Video" ? "▶" : f.kind === "Document" ? "PDF" : f.kind === "Evidence" ? "✔" : "▣");
      icon.setAttribute("aria-hidden", "true");
      li.appendChild(icon);
    }
    var text = el("span", "uploader-file-text");
    text.appendChild(el("span", "uploader-name", f.name));
    var meta = el("span", "uploader-meta", formatSize(f.size) + " · ");
    meta.appendChild(el("span", "uploader-state state-" + f.state.toLowerCase(), f.stateLabel));
    text.appendChild(meta);
    li.appendChild(text);
    if (canEdit && f.state === "Failed") {
      var again = button("Thử lại", "Xử lý lại tệp " + f.name);
      again.classList.add("uploader-retry");
      again.dataset.mediaId = f.id;
      again.dataset.name = f.name;
      li.appendChild(again);
    }
    if (canEdit) {
      var remove = button("Xóa", "Xóa tệp " + f.name);
      remove.classList.add("uploader-remove");
      remove.dataset.mediaId = f.id;
      remove.dataset.name = f.name;
      li.appendChild(remove);
    }
    return li;
  }

  function unfinishedRow(u, canEdit) {
    var li = el("li", "uploader-file uploader-unfinished");
    var text = el("span", "uploader-file-text");
    text.appendChild(el("span", "uploader-name", u.name));
    var pct = u.size > 0 ? Math.floor((u.received * 100) / u.size) : 0;
    text.appendChild(el("span", "uploader-meta", "Tải lên dở dang (" + pct + "%). Chọn lại đúng tệp này để tải tiếp."));
    li.appendChild(text);
    if (canEdit) {
      var abandonButton = button("Hủy", "Hủy lượt tải lên dở dang " + u.name);
      abandonButton.classList.add("uploader-abandon");
      abandonButton.dataset.sessionId = u.id;
      abandonButton.dataset.name = u.name;
      li.appendChild(abandonButton);
    }
    return li;
  }

  function removeMedia(ui, btn) {
    var name = btn.dataset.name || "";
    var area = btn.closest(".uploader-area");
    if (!window.confirm("Xóa tệp “" + name + "”?")) return;
    btn.disabled = true;
    api(ui, "POST", "/xoa/" + btn.dataset.mediaId).then(function (r) {
      if (r.status === 204) {
        announce(ui, "Đã xóa tệp " + name + ".");
        // The button is gone with its row: keep the keyboard user in the same area.
        return refresh(ui).then(function () { focusHeading(area); });
      }
      btn.disabled = false;
      announce(ui, errorOf(r));
      return undefined;
    }, function () {
      btn.disabled = false;
      announce(ui, "Mất kết nối, chưa xóa được tệp. Vui lòng thử lại.");
    });
  }

  function retryMedia(ui, btn) {
    var name = btn.dataset.name || "";
    btn.disabled = true;
    api(ui, "POST", "/thu-lai/" + btn.dataset.mediaId).then(function (r) {
      if (r.status === 204) {
        announce(ui, "Đã đưa tệp " + name + " vào hàng đợi xử lý lại.");
        ui.polls = 0;
        return refresh(ui);
      }
      btn.disabled = false;
      announce(ui, errorOf(r));
      return refresh(ui);
    }, function () {
      btn.disabled = false;
      announce(ui, "Mất kết nối, chưa gửi được yêu cầu xử lý lại. Vui lòng thử lại.");
    });
  }

  // A chunk still arriving holds the upload (423): ask again shortly.
  function deleteSession(ui, id, tries) {
    api(ui, "DELETE", "/" + id).then(function (r) {
      if (r.status === 423 && tries > 1) setTimeout(function () { deleteSession(ui, id, tries - 1); }, 2000);
      else refresh(ui);
    }, function () { });
  }

  function abandon(ui, btn) {
    var area = btn.closest(".uploader-area");
    btn.disabled = true;
    api(ui, "DELETE", "/" + btn.dataset.sessionId).then(function () {
      announce(ui, "Đã hủy lượt tải lên " + (btn.dataset.name || "") + ".");
      return refresh(ui).then(function () { focusHeading(area); });
    }, function () { btn.disabled = false; });
  }

  // ---- Helpers ----------------------------------------------------------------------------------------

  function api(ui, method, path, json) {
    var headers = { "RequestVerificationToken": ui.token, "Accept": "application/json" };
    var init = { method: method, headers: headers, credentials: "same-origin" };
    if (json !== undefined) {
      headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(json);
    }
    return fetch(ui.endpoint + path, init).then(function (response) {
      return response.text().then(function (text) {
        return responseOf(response.status, text, response.headers.get("Retry-After"));
      });
    }, function () {
      throw { status: 0 };
    });
  }

  function responseOf(status, text, retryAfter) {
    var body = {};
    try { body = text ? JSON.parse(text) : {}; } catch (e) { body = {}; }
    return { status: status, body: body || {}, retryAfter: Number(retryAfter) || 0 };
  }

  function errorOf(r) {
    return (r.body && r.body.error) || FALLBACK[r.status] || ("Có lỗi xảy ra (mã " + r.status + "). Vui lòng thử lại.");
  }

  function announce(ui, text) {
    ui.status.textContent = "";
    // A fresh text node so screen readers announce a repeated message too.
    setTimeout(function () { ui.status.textContent = text; }, 50);
  }

  function focusHeading(area) {
    var heading = area && area.querySelector("h3");
    if (heading) heading.focus();
  }

  function areaOf(ui, kind) {
    return ui.root.querySelector(".uploader-area[data-kind='" + kind + "']");
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function button(text, label) {
    var b = el("button", "button button-small button-secondary", text);
    b.type = "button";
    if (label) b.setAttribute("aria-label", label);
    return b;
  }

  function formatSize(bytes) {
    var units = [["GB", 1073741824], ["MB", 1048576], ["KB", 1024]];
    for (var i = 0; i < units.length; i++) {
      if (bytes >= units[i][1]) {
        var value = bytes / units[i][1];
        return (units[i][0] === "KB" ? Math.round(value) : Math.round(value * 10) / 10).toString().replace(".", ",") + " " + units[i][0];
      }
    }
    return bytes + " byte";
  }

  function safeGet(key) { try { return window.localStorage.getItem(key); } catch (e) { return null; } }
  function safeSet(key, value) { try { window.localStorage.setItem(key, value); } catch (e) { /* private mode */ } }
  function safeRemove(key) { try { window.localStorage.removeItem(key); } catch (e) { /* private mode */ } }

  function boot() { document.querySelectorAll(".uploader").forEach(init); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", boot);
  else boot();
})();
