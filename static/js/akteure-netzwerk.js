/* Network map of a quartier's actors (Cytoscape.js). Data comes from the json_script
 * element #netzwerk-daten; a click (or Enter on the focused map) opens the actor's page.
 * The same content is in the table below the map for keyboard and screen-reader users. */
(function () {
  "use strict";

  var FARBEN = {
    verein: "#1f77b4",
    schule: "#d62728",
    kita: "#ff7f0e",
    religionsgemeinschaft: "#9467bd",
    wohnungsunternehmen: "#8c564b",
    wohlfahrtsverband: "#2ca02c",
    verwaltung: "#00457d",
    politik: "#e377c2",
    unternehmen: "#7f7f7f",
    initiative: "#bcbd22",
    sonstige: "#17becf"
  };

  var container = document.getElementById("netzwerk-karte");
  var quelle = document.getElementById("netzwerk-daten");
  if (!container || !quelle || typeof cytoscape === "undefined") {
    return;
  }
  var daten = JSON.parse(quelle.textContent);

  var elemente = [];
  daten.knoten.forEach(function (k) {
    elemente.push({
      group: "nodes",
      data: { id: "a" + k.id, label: k.name, url: k.url, farbe: FARBEN[k.art] || "#555", grad: k.grad }
    });
  });
  daten.kanten.forEach(function (k, i) {
    elemente.push({
      group: "edges",
      data: { id: "k" + i, source: "a" + k.quelle, target: "a" + k.ziel, arten: k.arten.join(", ") }
    });
  });

  var viele = daten.knoten.length > 300;
  var cy = cytoscape({
    container: container,
    elements: elemente,
    maxZoom: 1.6,
    style: [
      {
        selector: "node",
        style: {
          "background-color": "data(farbe)",
          label: viele ? "" : "data(label)",
          "font-size": 10,
          "text-valign": "bottom",
          "text-margin-y": 4,
          width: "mapData(grad, 0, 10, 14, 34)",
          height: "mapData(grad, 0, 10, 14, 34)"
        }
      },
      { selector: "edge", style: { width: 1.5, "line-color": "#999", "curve-style": "haystack" } },
      { selector: "node:selected", style: { "border-width": 3, "border-color": "#ffbf47" } }
    ],
    layout: viele ? { name: "grid" } : { name: "cose", animate: false, randomize: false }
  });

  cy.on("tap", "node", function (evt) {
    window.location.href = evt.target.data("url");
  });

  // Exposed for the browser tests (node count) and for debugging.
  window.akteureNetzwerk = cy;
  container.dataset.geladen = "true";
})();
