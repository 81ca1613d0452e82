// examples/api.html: options set before the loader, then the buttons and the event log once the page has loaded.
// window.SalesAgent set before the <script src=".../embed.js"> tag wins over that tag's data attributes.
window.SalesAgent = { greeting: 'Hi! Ask me anything about Northwind plans.', position: 'bottom-right' };
window.dataLayer = window.dataLayer || [];
/** Every event received, for the page's own use (and the end-to-end test). */
window.salesAgentEvents = [];

document.addEventListener('DOMContentLoaded', function () {
  var agent = window.SalesAgent;
  var log = document.getElementById('log');
  function write(line) {
    log.textContent += line + '\n';
    log.scrollTop = log.scrollHeight;
  }

  ['ready', 'open', 'close', 'message', 'lead', 'meeting', 'handoff'].forEach(function (name) {
    agent.on(name, function (detail) {
      window.salesAgentEvents.push({ name: name, detail: detail });
      write('event ' + name + ' ' + JSON.stringify(detail));
    });
  });
  var push = window.dataLayer.push.bind(window.dataLayer);
  window.dataLayer.push = function (entry) {
    write('dataLayer ' + JSON.stringify(entry));
    return push(entry);
  };

  document.getElementById('open').onclick = function () { agent.open(); };
  document.getElementById('close').onclick = function () { agent.close(); };
  document.getElementById('toggle').onclick = function () { agent.toggle(); };
  document.getElementById('send-form').onsubmit = function (event) {
    event.preventDefault();
    agent.send(document.getElementById('send-text').value);
  };
  document.getElementById('identify-form').onsubmit = function (event) {
    event.preventDefault();
    agent
      .identify({
        email: document.getElementById('identify-email').value,
        name: document.getElementById('identify-name').value,
        hash: document.getElementById('identify-hash').value.trim(),
      })
      .then(function (result) {
        window.salesAgentEvents.push({ name: 'identified', detail: result });
        write('identify ' + JSON.stringify(result));
      });
  };
});
