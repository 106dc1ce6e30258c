// The place widget (quartiersmanagement/map_widgets.PlaceWidget): a click on the map or an
// address search result sets the hidden WKT value; the quartier containing the point is
// suggested in the form's quartier select. The map works without tiles (plain ground).
(function () {
  "use strict";
  var AACHEN = [50.7753, 6.0839];

  function wkt(ll) {
    return "POINT(" + ll.lng.toFixed(6) + " " + ll.lat.toFixed(6) + ")";
  }

  function lesenWkt(text) {
    var m = /POINT\s*\(\s*([-\d.]+)\s+([-\d.]+)\s*\)/i.exec(text || "");
    return m ? L.latLng(parseFloat(m[2]), parseFloat(m[1])) : null;
  }

  function widget(el) {
    var feld = document.getElementById(el.dataset.feld);
    var anzeige = el.querySelector("[data-anzeige]");
    var map = L.map(el.querySelector("[data-karte]"), { scrollWheelZoom: false }).setView(AACHEN, 12);
    if (el.dataset.kacheln) {
      L.tileLayer(el.dataset.kacheln, { attribution: el.dataset.namensnennung, maxZoom: 19 }).addTo(map);
    }
    var marker = null;

    function vorschlagen(ll) {
      var select = el.dataset.quartierFeld && document.getElementById(el.dataset.quartierFeld);
      if (!select || !el.dataset.vorschlagUrl) { return; }
      fetch(el.dataset.vorschlagUrl + "?lat=" + ll.lat + "&lng=" + ll.lng, { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (d) {
          if (!d || !d.quartier) { return; }
          var option = select.querySelector('option[value="' + d.quartier.id + '"]');
          if (option && select.value !== String(d.quartier.id)) {
            select.value = String(d.quartier.id);
            select.dispatchEvent(new Event("change", { bubbles: true }));
            anzeige.textContent += " " + el.dataset.vorschlagText.replace("%s", d.quartier.name);
          }
        });
    }

    function setzen(ll, text) {
      feld.value = wkt(ll);
      if (marker) { marker.setLatLng(ll); } else {
        marker = L.circleMarker(ll, { radius: 9, color: "#fff", weight: 2, fillColor: "#b02a37", fillOpacity: 0.9 }).addTo(map);
      }
      anzeige.textContent = text || (el.dataset.gesetztText + " " + ll.lat.toFixed(5) + ", " + ll.lng.toFixed(5));
      vorschlagen(ll);
    }

    var start = lesenWkt(feld.value);
    if (start) {
      marker = L.circleMarker(start, { radius: 9, color: "#fff", weight: 2, fillColor: "#b02a37", fillOpacity: 0.9 }).addTo(map);
      map.setView(start, 16);
    }
    map.on("click", function (e) { setzen(e.latlng); });
    el.querySelector("[data-entfernen]").addEventListener("click", function () {
      feld.value = "";
      if (marker) { map.removeLayer(marker); marker = null; }
      anzeige.textContent = el.dataset.entferntText;
    });

    var suche = el.querySelector("[data-adresse]");
    if (!suche) { return; }
    var liste = el.querySelector("[data-treffer]");
    function suchen() {
      liste.textContent = "";
      fetch(el.dataset.adresseUrl + "?q=" + encodeURIComponent(suche.value), { credentials: "same-origin" })
        .then(function (r) { return r.json(); })
        .then(function (d) {
          if (d.fehler) { anzeige.textContent = d.fehler; return; }
          if (!d.treffer.length) { anzeige.textContent = el.dataset.keinTreffer; return; }
          d.treffer.forEach(function (t) {
            var li = document.createElement("li"), b = document.createElement("button");
            b.type = "button";
            b.className = "btn btn-link btn-sm p-0 text-start";
            b.textContent = t.name;
            b.addEventListener("click", function () {
              var ll = L.latLng(t.lat, t.lng);
              map.setView(ll, 17);
              setzen(ll, el.dataset.gesetztText + " " + t.name);
              liste.textContent = "";
            });
            li.appendChild(b);
            liste.appendChild(li);
          });
        });
    }
    el.querySelector("[data-adresse-suchen]").addEventListener("click", suchen);
    suche.addEventListener("keydown", function (e) {
      if (e.key === "Enter") { e.preventDefault(); suchen(); }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-ort-widget]").forEach(widget);
  });
})();
