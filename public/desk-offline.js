// Loaded by the judge desk page only: registers the desk's service worker (/sw.js), which
// keeps this page and its files so the desk reopens with no network. Browsers allow workers
// on https and localhost only; elsewhere the desk keeps its saves while the page stays open.
if ("serviceWorker" in navigator) {
  navigator.serviceWorker
    .register("/sw.js")
    .then(() => navigator.serviceWorker.ready)
    .then((registration) => {
      // This visit's page was loaded before any worker could keep it.
      if (registration.active) registration.active.postMessage({ keep: location.pathname });
    })
    .catch(() => {});
}
