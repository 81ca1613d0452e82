/*! Sales agent embed loader: docs/embed.md */
// The source of public/embed.js, which `node scripts/build-embed.mjs` minifies from it (npm run build does too).
(function (w, d) {
  'use strict';
  // Options given as `window.SalesAgent = {…}` before the tag: a plain object only. An element with id or name
  // "SalesAgent" (markup a visitor may post on the host page) also shows up as window.SalesAgent, and its named children
  // (`<a id=SalesAgent name=app href=https://evil…>`) would otherwise pick the chat's origin.
  var given = w.SalesAgent;
  if (!given || given.constructor != Object) given = {};
  // A second tag on the page: the first one's chat stays, the second's options are ignored.
  if (given.version) return warn('embed.js is on this page twice; only the first tag counts');
  // Likewise document.currentScript, which `<img name=currentScript data-app=…>` would stand in for.
  var script = d.currentScript;
  if (!(script instanceof HTMLScriptElement)) script = null;
  var data = (script && script.dataset) || {};
  // = embed.* in lib/i18n/catalogues (tested)
  var TEXT = {
    en: ['Sales chat', 'Open the chat', 'Close the chat', 'Dismiss'],
    es: ['Chat de ventas', 'Abrir el chat', 'Cerrar el chat', 'Descartar'],
    fr: ['Chat commercial', 'Ouvrir le chat', 'Fermer le chat', 'Ignorer'],
    de: ['Vertriebschat', 'Chat öffnen', 'Chat schließen', 'Schließen'],
    ar: ['محادثة المبيعات', 'فتح المحادثة', 'إغلاق المحادثة', 'تجاهل']
  };
  // The options the loader itself uses, each with the values it accepts (docs/embed.md "Options"): a pattern, or a
  // number of characters at most. The others (PASSED) it only hands to /embed, which checks them (app/embed/options.ts)
  // and names a dropped one in the console itself; here they are only kept short enough for a URL. A value that does
  // not fit is dropped (the default applies) and named in the console.
  var yes = /^(true|false|1|0|yes|no|on|off)$/i;
  var RULES = {
    mode: /^(bubble|inline|popup)$/,
    position: /^bottom-(right|left)$/,
    color: /^#([\da-f]{3}){1,2}$/i,
    locale: /^(en|es|fr|de|ar)([-_]\w+)*$/i,
    agentName: 60,
    voice: yes,
    open: yes,
    proactiveMessage: 200,
    // Seconds, at most 99999 (a longer timer would overflow and fire at once).
    proactiveDelay: /^\d{1,5}(\.\d+)?$/
  };
  var PASSED = 'locale color greeting avatar theme radius questions placeholder notice privacy';
  var options = {};
  (PASSED + ' mode target position agentName voice open proactiveMessage proactiveDelay app').split(' ').forEach(function (key) {
    var rule = RULES[key] || 800;
    var value = given[key] != null ? given[key] : data[key];
    value = value == null ? '' : String(value).trim();
    if (value && (rule.test ? !rule.test(value) : value.length > rule)) {
      warn('data-' + key.replace(/[A-Z]/g, '-$&').toLowerCase() + '="' + value.slice(0, 40) + '" ignored');
      value = '';
    }
    options[key] = value;
  });

  function on(key, fallback) {
    return options[key] ? !/^(false|0|no|off)$/i.test(options[key]) : fallback;
  }

  var app;
  try {
    app = new URL(options.app || script.src, location.href).origin;
  } catch {
    return;
  }
  var mode = options.mode || 'bubble';
  if (mode == 'inline' && !options.target) {
    warn('data-mode="inline" needs data-target; showing the bubble');
    mode = 'bubble';
  }
  var color = options.color;
  var text = TEXT[(options.locale || navigator.language || '').slice(0, 2).toLowerCase()] || TEXT.en;
  var name = options.agentName;
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
    var query = { host: location.origin, mode: as, name: name, voice: voice ? 1 : 0 };
    PASSED.split(' ').forEach(function (key) { query[key] = options[key]; });
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
    } else if (m.type === 'event' && /^(message|lead|meeting|handoff|error)$/.test(m.name)) emit(m.name, m.detail);
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
    frame.style.cssText = 'border:0;width:100%;height:100%;display:block';
  }

  function setLauncher() {
    box.className = (options.position == 'bottom-left' ? 'left' : '') + (isOpen ? ' open' : '');
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
    // Called before the page has a body (a script in <head> right after the tag): once it has one.
    if (!d.body) return d.addEventListener('DOMContentLoaded', open);
    start();
    if (isOpen || !root) return;
    if (mode == 'inline') {
      if (!frame) makeFrame(root);
      frame.scrollIntoView({ block: 'nearest' });
      return frame.focus();
    }
    hideNudge();
    if (mode == 'popup' && !popup) {
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
    } else {
      panel.hidden = true;
      // A hidden frame goes on running: it stops speaking and listening (docs/embed.md), keeping its draft.
      post({ type: 'hidden' });
    }
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
    say.textContent = options.proactiveMessage;
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
      if (mode == 'inline') into = d.querySelector(options.target);
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
    if (mode == 'inline') {
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
      // A fade, not a slide: Chromium can route a click into the cross-origin frame to the host page while a transform
      // animates it (3 of 40 quick clicks on the chat's close button did nothing; none with the fade alone).
      '@media (prefers-reduced-motion:no-preference){.w,.n{animation:i .2s ease-out}@keyframes i{from{opacity:0}}}' +
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
    // Arabic: right to left (the proactive message and its ×), also on a left-to-right host page.
    if (text == TEXT.ar) box.dir = 'rtl';
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
    if (options.proactiveMessage) setTimeout(showNudge, (options.proactiveDelay || 10) * 1e3);
    if (on('open')) open();
  }

  function toggle() {
    if (isOpen) close();
    else open();
  }

  var api = (w.SalesAgent = {
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
      if (typeof fn == 'function') (listeners[event] = listeners[event] || []).push(fn);
    },
    off: function (event, fn) {
      listeners[event] = (listeners[event] || []).filter(function (f) {
        return f !== fn;
      });
    },
    // Calls queued before the tag ran, `(SalesAgent.q = SalesAgent.q || []).push(['open'])`, run now in order; pushed
    // afterwards they run at once, so the same line works before and after the loader.
    q: {
      push: function () {
        [].forEach.call(arguments, call);
      }
    }
  });
  function call(args) {
    var fn = args && api[args[0]];
    if (typeof fn == 'function') fn.apply(api, args.slice(1));
    else warn('no such call: ' + (args && args[0]));
  }
  if (Array.isArray(given.q)) given.q.forEach(call);

  function later() {
    if (on('open') || !w.requestIdleCallback) start();
    else requestIdleCallback(start, { timeout: 3e3 });
  }
  if (d.body) later();
  else d.addEventListener('DOMContentLoaded', later);
})(window, document);
