// Maps of karten/_karte.html: the border and one switchable layer per kind of record, each
// marker with a popup linking to its record. Data and settings come from json_script blocks
// (no inline script); without a tile URL the map shows border and markers on a plain ground.
(function () {
  "use strict";
  var AACHEN = [50.7753, 6.0839];
  var FARBEN = {
    bedarfe: "#b02a37", akteure: "#146c43", projekte: "#00457d",
    termine: "#6f42c1", luecken: "#9a5b00"
  };

  function lesen(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }

  function popup(p) {
    var a = document.createElement("a");
    a.href = p.url;
    a.textContent = p.titel;
    return a;
  }

  // A map with data-url fetches its markers after the page has loaded (the quartier page);
  // the others carry them in the page. The layer switches then learn their counts.
  function karte(el) {
    if (!el.dataset.url) {
      zeichnen(el, lesen(el.dataset.daten));
      return;
    }
    fetch(el.dataset.url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (antwort) {
        if (!antwort.ok) { throw new Error(antwort.status); }
        return antwort.json();
      })
      .then(function (daten) {
        zeichnen(el, daten);
        anzahlen(el, daten);
      })
      .catch(function () {
        el.textContent = el.dataset.fehler || "";
      });
  }

  function anzahlen(el, daten) {
    var n = {};
    (daten.features || []).forEach(function (f) {
      n[f.properties.ebene] = (n[f.properties.ebene] || 0) + 1;
    });
    document.querySelectorAll('[data-ebenen-fuer="' + el.id + '"] [data-ebene]').forEach(function (box) {
      var ziel = document.querySelector('label[for="' + box.id + '"] [data-anzahl]');
      if (ziel) { ziel.textContent = "(" + (n[box.dataset.ebene] || 0) + ")"; }
    });
  }

  function zeichnen(el, daten) {
    var config = lesen(el.dataset.config) || {};
    var map = L.map(el, { scrollWheelZoom: false }).setView(AACHEN, 12);
    if (config.kacheln) {
      L.tileLayer(config.kacheln, { attribution: config.namensnennung, maxZoom: 19 }).addTo(map);
    }
    var ebenen = {}, grenzen = L.featureGroup();
    Object.keys(daten.ebenen || {}).forEach(function (schluessel) {
      ebenen[schluessel] = config.gruppieren && L.markerClusterGroup
        ? L.markerClusterGroup({ showCoverageOnHover: false })
        : L.featureGroup();
    });
    (daten.features || []).forEach(function (f) {
      var p = f.properties;
      if (p.ebene === "grenze") {
        L.geoJSON(f, { style: { color: "#00457d", weight: 3, fillOpacity: 0.06 } }).addTo(grenzen);
        return;
      }
      var c = f.geometry.coordinates;
      var m = L.circleMarker([c[1], c[0]], {
        radius: p.ebene === "luecken" ? 14 : 8,
        color: "#fff", weight: 2, fillColor: FARBEN[p.ebene] || "#333", fillOpacity: 0.9,
        className: "marker-" + p.ebene
      });
      m.bindPopup(popup(p));
      m.bindTooltip(p.titel);
      ebenen[p.ebene].addLayer(m);
    });
    grenzen.addTo(map);
    Object.keys(ebenen).forEach(function (schluessel) { ebenen[schluessel].addTo(map); });
    // The layer switches are plain checkboxes above the map (karten/_karte.html): reachable
    // by keyboard, and on a phone they do not cover the map.
    document.querySelectorAll('[data-ebenen-fuer="' + el.id + '"] [data-ebene]').forEach(function (box) {
      box.addEventListener("change", function () {
        var ebene = ebenen[box.dataset.ebene];
        if (box.checked) { map.addLayer(ebene); } else { map.removeLayer(ebene); }
      });
    });
    var rahmen = grenzen.getLayers().length ? grenzen.getBounds() : null;
    Object.keys(ebenen).forEach(function (s) {
      var b = ebenen[s].getLayers().length && ebenen[s].getBounds();
      if (b && b.isValid()) { rahmen = rahmen ? rahmen.extend(b) : b; }
    });
    if (rahmen && rahmen.isValid()) { map.fitBounds(rahmen, { padding: [16, 16], maxZoom: 16 }); }
    el.karte = map;
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-karte]").forEach(karte);
  });
})();
