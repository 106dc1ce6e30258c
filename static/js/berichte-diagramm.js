/* Stacked bar chart of open needs by Handlungsfeld and status (Chart.js). Progressive
 * enhancement: the data come from the json_script element #bedarfe-diagramm-daten, and the
 * same figures stand in the table #bedarfe-matrix for readers without JavaScript. */
(function () {
  "use strict";

  var FARBEN = ["#00457d", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"];

  function zeichnen() {
    var leinwand = document.getElementById("bedarfe-diagramm");
    var quelle = document.getElementById("bedarfe-diagramm-daten");
    if (!leinwand || !quelle || typeof Chart === "undefined") {
      return;
    }
    var daten = JSON.parse(quelle.textContent);
    daten.datasets.forEach(function (satz, i) {
      satz.backgroundColor = FARBEN[i % FARBEN.length];
    });
    new Chart(leinwand, {
      type: "bar",
      data: daten,
      options: {
        indexAxis: "y",
        animation: false,
        responsive: true,
        scales: {
          x: { stacked: true, beginAtZero: true, ticks: { precision: 0 } },
          y: { stacked: true }
        },
        plugins: { legend: { position: "bottom" } }
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", zeichnen);
  } else {
    zeichnen();
  }
})();
