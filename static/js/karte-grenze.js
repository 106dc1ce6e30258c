// The border widget (quartiersmanagement/map_widgets.BorderWidget): a GeoJSON file read in
// the browser into the text field, and a live preview of the text on a map.
(function () {
  "use strict";
  function widget(el) {
    var feld = document.getElementById(el.dataset.feld);
    var status = el.querySelector("[data-status]");
    var map = L.map(el.querySelector("[data-vorschau]")).setView([50.7753, 6.0839], 11);
    if (el.dataset.kacheln) {
      L.tileLayer(el.dataset.kacheln, { attribution: el.dataset.namensnennung }).addTo(map);
    }
    var ebene = null;
    function zeigen() {
      if (ebene) { map.removeLayer(ebene); ebene = null; }
      status.textContent = "";
      if (!feld.value.trim()) { return; }
      try {
        ebene = L.geoJSON(JSON.parse(feld.value), { style: { color: "#00457d", weight: 3 } }).addTo(map);
        map.fitBounds(ebene.getBounds(), { padding: [10, 10] });
      } catch (e) {
        status.textContent = el.dataset.ungueltig;
      }
    }
    feld.addEventListener("input", zeigen);
    el.querySelector("[data-datei]").addEventListener("change", function (e) {
      var datei = e.target.files[0];
      if (!datei) { return; }
      datei.text().then(function (text) { feld.value = text; zeigen(); });
    });
    zeigen();
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-grenze-widget]").forEach(widget);
  });
})();
