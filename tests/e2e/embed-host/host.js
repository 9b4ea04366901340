// The host side of the embed API, as an intranet page would write it.
// window.mc2Send(msg) posts to the app's origin only; window.mc2Received holds
// every message the app sent us (from the app's origin only).
const app = new URL(new URLSearchParams(location.search).get('app') ?? 'http://127.0.0.1:8080/');
const frame = document.getElementById('mc2');
const log = document.getElementById('log');
window.mc2Received = [];
window.addEventListener('message', (e) => {
  if (e.origin !== app.origin || e.source !== frame.contentWindow) return;
  window.mc2Received.push(e.data);
  log.textContent += JSON.stringify(e.data).slice(0, 200) + '\n';
});
window.mc2Send = (msg) => frame.contentWindow.postMessage(msg, app.origin);
const src = new URL(app);
src.searchParams.set('embed', '1');
frame.src = src.href;
