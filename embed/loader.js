/*! Sales agent embed loader: docs/embed.md */
// The source of public/embed.js, which `node scripts/build-embed.mjs` minifies from it (npm run build does too).
(function (w, d) {
  'use strict';
  // A second tag on the page: the first one's chat stays, the second's options are ignored.
  if (w.SalesAgent && w.SalesAgent.version) return warn('embed.js is on this page twice; only the first tag counts');
  var script = d.currentScript;
  var given = w.SalesAgent || {};
  var data = (script && script.dataset) || {};
  // = embed.* in lib/i18n/catalogues (tested)
  var TEXT = {
    en: ['Sales chat', 'Open the chat', 'Close the chat', 'Dismiss'],
    es: ['Chat de ventas', 'Abrir el chat', 'Cerrar el chat', 'Descartar'],
    fr: ['Chat commercial', 'Ouvrir le chat', 'Fermer le chat', 'Ignorer'],
    de: ['Vertriebschat', 'Chat öffnen', 'Chat schließen', 'Schließen'],
    ar: ['محادثة المبيعات', 'فتح المحادثة', 'إغلاق المحادثة', 'تجاهل']
  };

  function pick(key) {
    var value = given[key] != null ? given[key] : data[key];
    return value == null ? '' : String(value).trim();
  }
  function on(key, fallback) {
    return pick(key) ? !/^(false|0|no|off)$/i.test(pick(key)) : fallback;
  }

  var app;
  try {
    app = new URL(pick('app') || script.src, location.href).origin;
  } catch {
    return;
  }
  var mode = /^(inline|popup)$/.test(pick('mode')) ? pick('mode') : 'bubble';
  if (mode == 'inline' && !pick('target')) {
    warn('data-mode="inline" needs data-target; showing the bubble');
    mode = 'bubble';
  }
  var color = /^#([0-9a-f]{3}){1,2}$/i.test(pick('color')) ? pick('color') : '';
  var text = TEXT[(pick('locale') || navigator.language || '').slice(0, 2).toLowerCase()] || TEXT.en;
  var name = pick('agentName').slice(0, 60);
  var voice = on('voice', true);
  var listeners = {};
  var queue = [];
  var identifying = [];
  var mounted, ready, isOpen, frame, popup, root, box, launcher, panel, nudge, watch;
  var phone = w.matchMedia && matchMedia('(max-width:480px)');

  function warn(problem) {
    console.warn('SalesAgent: ' + problem);
  }

  function src(as) {
    var query = { host: location.origin, mode: as, locale: pick('locale'), color: color, greeting: pick('greeting'), name: name, avatar: pick('avatar'), voice: voice ? 1 : 0 };
    'theme radius questions placeholder notice privacy'.split(' ').forEach(function (key) { query[key] = pick(key); });
    // The host page's campaign, for the chat's attribution (the frame cannot read the host's URL).
    var here = new URLSearchParams(location.search);
    'source medium campaign'.split(' ').forEach(function (key) { query['utm_' + key] = (here.get('utm_' + key) || '').slice(0, 100); });
    var params = [];
    for (var key in query) if (query[key] !== '') params.push(key + '=' + encodeURIComponent(query[key]));
    return app + '/embed?' + params.join('&');
  }

  function emit(event, detail) {
    (listeners[event] || []).slice().forEach(function (fn) {
      try {
        fn(detail);
      } catch (e) {
        console.error(e);
      }
    });
    if (w.dataLayer && w.dataLayer.push) w.dataLayer.push({ event: 'sales_agent_' + event });
  }

  function target() {
    return popup || (frame && frame.contentWindow);
  }

  function post(message) {
    message.sa = 'v1';
    if (ready) target().postMessage(message, app);
    else queue.push(message);
  }

  w.addEventListener('message', function (e) {
    var m = e.data;
    if (e.origin !== app || !m || m.sa !== 'v1' || !target() || e.source !== target()) return;
    if (m.type === 'ready') {
      ready = true;
      if (isOpen && frame) frame.focus();
      queue.splice(0).forEach(post);
      emit('ready', {});
    } else if (m.type === 'event' && /^(message|lead|meeting|handoff)$/.test(m.name)) emit(m.name, m.detail);
    else if (m.type === 'close') close();
    else if (m.type === 'identified' && identifying.length) identifying.shift()({ ok: !!m.ok, code: m.code });
  });

  function el(tag, className, parent) {
    var node = d.createElement(tag);
    node.className = className;
    return parent.appendChild(node);
  }

  function makeFrame(parent) {
    // Between the panel's focus guards (inline: the host's only child).
    frame = parent.insertBefore(d.createElement('iframe'), parent.lastChild);
    frame.title = name || text[0];
    frame.src = src(mode);
    if (voice) frame.setAttribute('allow', 'microphone; autoplay');
    frame.style.border = '0';
    frame.style.width = frame.style.height = '100%';
    frame.style.display = 'block';
  }

  function setLauncher() {
    box.className = (pick('position') === 'bottom-left' ? 'left' : '') + (isOpen ? ' open' : '');
    launcher.setAttribute('aria-expanded', !!isOpen);
    launcher.setAttribute('aria-label', text[isOpen ? 2 : 1]);
    // Full screen on a phone: a modal dialog (the guards keep the focus in it).
    panel.setAttribute('aria-modal', !!(phone && phone.matches));
    launcher.innerHTML =
      '<svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" fill="currentColor" stroke="currentColor" stroke-width="2.5" stroke-linecap="round"><path d="' +
      (isOpen ? 'M6 6l12 12M18 6L6 18' : 'M12 3C6.5 3 2 6.8 2 11.5c0 2.4 1.2 4.6 3.1 6.1L4 21.5l4.6-2.2c1.1.3 2.2.5 3.4.5 5.5 0 10-3.8 10-8.5S17.5 3 12 3z') +
      '"/></svg>';
  }

  function open() {
    start();
    if (isOpen || !root) return;
    if (mode === 'inline') {
      if (!frame) makeFrame(root);
      frame.scrollIntoView({ block: 'nearest' });
      return frame.focus();
    }
    hideNudge();
    if (mode === 'popup' && !popup) {
      ready = false;
      popup = w.open(src('popup'), 'sales-agent-chat', 'popup,width=420,height=680');
      if (popup) watch = setInterval(function () {
        if (popup.closed) close();
      }, 500);
      else mode = 'bubble';
    }
    if (!popup) {
      if (!frame) makeFrame(panel);
      panel.hidden = false;
      frame.focus();
    }
    isOpen = true;
    setLauncher();
    post({ type: 'focus' });
    emit('open', {});
  }

  function close() {
    if (!isOpen) return;
    isOpen = false;
    if (popup) {
      clearInterval(watch);
      popup.close();
      popup = ready = null;
    } else panel.hidden = true;
    setLauncher();
    launcher.focus();
    emit('close', {});
  }

  function hideNudge(remember) {
    if (nudge) nudge.hidden = true;
    try {
      if (remember) sessionStorage.setItem('sales-agent:nudged', 1);
      return isOpen || sessionStorage.getItem('sales-agent:nudged');
    } catch {}
  }

  function showNudge() {
    if (hideNudge()) return;
    nudge = el('div', 'n', box);
    nudge.setAttribute('aria-live', 'polite');
    var say = el('button', '', nudge);
    say.textContent = pick('proactiveMessage').slice(0, 200);
    say.onclick = open;
    var x = el('button', 'x', nudge);
    x.setAttribute('aria-label', text[3]);
    x.textContent = '\u00d7';
    x.onclick = function () {
      hideNudge(1);
      launcher.focus();
    };
  }

  function start() {
    if (!mounted) mount(mounted = 1);
  }

  function mount() {
    var into = d.body;
    try {
      if (mode === 'inline') into = d.querySelector(pick('target'));
    } catch {}
    if (!into) return warn('data-target matches no element');
    // A custom element (host rules on div miss it), reset inline with priority, which beats every host rule: no box
    // of its own around the bubble (so never the containing block of its fixed launcher and panel), a plain block inline.
    var host = el('sales-agent-embed', '', into);
    host.setAttribute('data-sales-agent', mode);
    ('all:initial;display:' + (mode == 'inline' ? 'block;height:100%' : 'contents')).split(';').forEach(function (rule) {
      rule = rule.split(':');
      host.style.setProperty(rule[0], rule[1], 'important');
    });
    if (mode === 'inline') {
      root = host;
      return new IntersectionObserver(function (entries, observer) {
        if (entries[0].isIntersecting && !frame) {
          observer.disconnect();
          makeFrame(host);
        }
      }, { rootMargin: '200px' }).observe(host);
    }
    var c = color || '#1f57d1';
    var rgb = parseInt(c.length < 5 ? c.replace(/\w/g, '$&$&').slice(1) : c.slice(1), 16);
    var css =
      ':host{--c:' + c + ';--f:' + (((rgb >> 16) * 299 + ((rgb >> 8) & 255) * 587 + (rgb & 255) * 114) / 1e3 > 150 ? '#111' : '#fff') + '}' +
      '.b,.w,.n{position:fixed;z-index:2147483000;bottom:20px;right:20px;font:14px/1.4 system-ui,sans-serif}' +
      '.b{width:56px;height:56px;border:0;border-radius:50%;background:var(--c);color:var(--f);cursor:pointer;display:grid;place-items:center;box-shadow:0 4px 14px #0004}' +
      'button:focus-visible{outline:3px solid var(--c);outline-offset:3px}' +
      '.w{bottom:88px;width:min(400px,calc(100vw - 40px));height:min(640px,calc(100vh - 108px));border-radius:16px;overflow:hidden;background:#fff;box-shadow:0 12px 40px #0005}' +
      '.n{bottom:88px;max-width:280px;display:flex;align-items:start;background:#fff;color:#111;border-radius:12px;padding:8px;box-shadow:0 6px 24px #0003}' +
      '.n button{font:inherit;color:inherit;background:none;border:0;cursor:pointer;text-align:start;padding:4px}.x{font-size:18px!important}' +
      '[hidden],.s{display:none}.left .b,.left .w,.left .n{right:auto;left:20px}' +
      '@media (prefers-reduced-motion:no-preference){.w,.n{animation:i .2s ease-out}@keyframes i{from{opacity:0;transform:translateY(8px)}}}' +
      '@media (max-width:480px){.w,.left .w{inset:0;width:auto;height:auto;border-radius:0}.open .b{display:none}.s{display:block}}';
    root = host.attachShadow({ mode: 'open' });
    try {
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      root.adoptedStyleSheets = [sheet];
    } catch {
      el('style', '', root).textContent = css;
    }
    root = box = el('div', '', root);
    panel = el('div', 'w', box);
    panel.id = 'sales-agent-panel';
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-label', name || text[0]);
    panel.hidden = true;
    // Focus guards around the frame, shown only while the chat fills a phone's screen: Tab past the chat's last control
    // (or Shift+Tab before its first) lands on one, which sends the focus to the chat's other end.
    ['last', 'first'].forEach(function (to) {
      var guard = el('div', 's', panel);
      guard.tabIndex = 0;
      guard.onfocus = function () {
        frame.focus();
        post({ type: 'focus', to: to });
      };
    });
    launcher = el('button', 'b', box);
    launcher.setAttribute('aria-controls', panel.id);
    launcher.onclick = toggle;
    setLauncher();
    if (phone) phone.onchange = setLauncher;
    box.addEventListener('keydown', function (e) {
      if (e.key !== 'Escape') return;
      if (isOpen) close();
      else hideNudge(1);
    });
    var delay = parseFloat(pick('proactiveDelay'));
    if (pick('proactiveMessage')) setTimeout(showNudge, (delay >= 0 ? delay : 10) * 1e3);
    if (on('open')) open();
  }

  function toggle() {
    if (isOpen) close();
    else open();
  }

  w.SalesAgent = {
    version: 1,
    open: open,
    close: close,
    toggle: toggle,
    send: function (message) {
      if (typeof message !== 'string' || !message.trim()) return;
      open();
      post({ type: 'send', text: message });
    },
    identify: function (who) {
      who = who || {};
      return new Promise(function (resolve) {
        identifying.push(resolve);
        post({ type: 'identify', email: who.email, name: who.name, hash: who.hash });
      });
    },
    on: function (event, fn) {
      (listeners[event] = listeners[event] || []).push(fn);
    },
    off: function (event, fn) {
      listeners[event] = (listeners[event] || []).filter(function (f) {
        return f !== fn;
      });
    }
  };

  function later() {
    if (on('open') || !w.requestIdleCallback) start();
    else requestIdleCallback(start, { timeout: 3e3 });
  }
  if (d.body) later();
  else d.addEventListener('DOMContentLoaded', later);
})(window, document);
