// The count next to "Heute" in the navigation: fetched after the page is shown, so no page
// waits for it and no page's queries grow by it.
document.querySelectorAll("[data-heute-anzahl]").forEach((badge) => {
  fetch(badge.dataset.heuteAnzahl, { credentials: "same-origin" })
    .then((antwort) => (antwort.ok ? antwort.json() : null))
    .then((daten) => {
      if (daten && daten.anzahl > 0) {
        badge.textContent = daten.anzahl;
      }
    })
    .catch(() => {});
});
