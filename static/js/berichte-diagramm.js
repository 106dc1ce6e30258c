/* Draws every chart of a page with Chart.js. Progressive enhancement: each
 * <canvas data-diagramm="ID"> names a json_script element #ID with
 * {labels, datasets: [{label, data}], typ?, horizontal?, gestapelt?}; the same figures
 * stand in a data table next to the chart for readers without JavaScript or sight.
 * Many small charts share one element: #ID holds {KEY: {labels, …}, …} and each canvas
 * names its KEY with data-teil (the overview's small multiples).
 * {max} fixes the value axis (small multiples share one scale).
 * Options may also come from the canvas: data-horizontal, data-gestapelt, data-klein. */
(function () {
  "use strict";

  var FARBEN = ["#00457d", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"];

  function ja(wert) {
    return wert === true || wert === "true";
  }

  var sammlungen = {}; // parsed shared elements (data-teil), read once per page

  function datenFuer(leinwand) {
    var id = leinwand.dataset.diagramm;
    var teil = leinwand.dataset.teil;
    var quelle = document.getElementById(id);
    if (!quelle) {
      return null;
    }
    if (!teil) {
      return JSON.parse(quelle.textContent);
    }
    if (!(id in sammlungen)) {
      sammlungen[id] = JSON.parse(quelle.textContent);
    }
    return sammlungen[id][teil] || null;
  }

  function zeichnen(leinwand) {
    if (leinwand.dataset.gezeichnet) {
      return;
    }
    var daten = datenFuer(leinwand);
    if (!daten) {
      return;
    }
    leinwand.dataset.gezeichnet = "ja";
    var horizontal = ja(leinwand.dataset.horizontal) || ja(daten.horizontal);
    var gestapelt = ja(leinwand.dataset.gestapelt) || ja(daten.gestapelt);
    var klein = ja(leinwand.dataset.klein);
    var einzeln = daten.datasets.length === 1;
    daten.datasets.forEach(function (satz, i) {
      satz.backgroundColor = einzeln && !klein
        ? satz.data.map(function (_wert, j) { return FARBEN[j % FARBEN.length]; })
        : FARBEN[i % FARBEN.length];
    });
    var wertachse = { stacked: gestapelt, beginAtZero: true, ticks: { precision: 0 } };
    if (typeof daten.max === "number") {
      wertachse.max = daten.max; // small multiples share one scale
    }
    var kategorien = { stacked: gestapelt };
    var labels = horizontal
      ? daten.labels.map(function (text) { return umbrechen(text, 18); })
      : daten.labels;
    new Chart(leinwand, {
      type: daten.typ || "bar",
      data: { labels: labels, datasets: daten.datasets },
      options: {
        indexAxis: horizontal ? "y" : "x",
        animation: false,
        responsive: true,
        aspectRatio: klein ? 4 : 2,
        scales: horizontal
          ? { x: wertachse, y: kategorien }
          : { x: kategorien, y: wertachse },
        plugins: {
          legend: { display: !einzeln, position: "bottom" }
        }
      }
    });
  }

  /* Long category names beside a horizontal chart wrap into lines of about `breite`
     characters; Chart.js would cut them off at the left edge. */
  function umbrechen(text, breite) {
    var zeilen = [];
    var zeile = "";
    String(text).split(" ").forEach(function (wort) {
      if (zeile && (zeile + " " + wort).length > breite) {
        zeilen.push(zeile);
        zeile = wort;
      } else {
        zeile = zeile ? zeile + " " + wort : wort;
      }
    });
    if (zeile) {
      zeilen.push(zeile);
    }
    return zeilen;
  }

  function alleZeichnen() {
    if (typeof Chart === "undefined") {
      return;
    }
    document.querySelectorAll("canvas[data-diagramm]").forEach(zeichnen);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", alleZeichnen);
  } else {
    alleZeichnen();
  }
})();
