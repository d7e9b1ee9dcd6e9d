// The graph page of `vncite serve`: fetches a document's neighbourhood and draws it with cytoscape.js,
// filtered by relation, doc type and year; a click opens the document's page.
(function () {
  "use strict";
  const box = document.getElementById("cy");
  if (!box) return;
  const doc = box.dataset.doc;
  let cy = null;

  function visible(ele) {
    const relations = new Set(
      Array.from(document.querySelectorAll("input.relation:checked")).map((i) => i.value)
    );
    const type = document.getElementById("type").value;
    const from = parseInt(document.getElementById("from").value, 10);
    const to = parseInt(document.getElementById("to").value, 10);
    if (ele.isEdge()) return relations.has(ele.data("relation"));
    if (ele.data("id") === doc) return true;
    if (type && ele.data("type") !== type) return false;
    const year = ele.data("year");
    if (!isNaN(from) && (year == null || year < from)) return false;
    if (!isNaN(to) && (year == null || year > to)) return false;
    return true;
  }

  function filter() {
    if (!cy) return;
    cy.batch(() => {
      cy.elements().forEach((e) => e.style("display", visible(e) ? "element" : "none"));
      cy.edges().forEach((e) => {
        if (e.source().style("display") === "none" || e.target().style("display") === "none") {
          e.style("display", "none");
        }
      });
    });
  }

  function load() {
    const depth = document.getElementById("depth").value;
    fetch("/api/neighbourhood?doc=" + encodeURIComponent(doc) + "&depth=" + depth)
      .then((r) => r.json())
      .then((g) => {
        if (cy) cy.destroy();
        cy = cytoscape({
          container: box,
          elements: { nodes: g.nodes, edges: g.edges },
          // Rings by distance from the document: a law cited by a hundred decrees stays readable.
          layout: {
            name: "concentric",
            concentric: (n) => 10 - n.data("depth"),
            levelWidth: () => 1,
            minNodeSpacing: 12,
            animate: false,
          },
          wheelSensitivity: 0.3,
          style: [
            {
              selector: "node",
              style: {
                label: "data(label)",
                "background-color": "data(colour)",
                "border-width": 1,
                "border-color": "#555",
                "font-size": 10,
                "text-valign": "center",
                "text-wrap": "wrap",
                "text-max-width": 90,
                width: 95,
                height: 34,
                shape: "round-rectangle",
              },
            },
            { selector: "node[depth = 0]", style: { "border-width": 3, "border-color": "#1d3557" } },
            {
              selector: "edge",
              style: {
                width: "data(width)",
                "line-color": "data(colour)",
                "line-style": "data(style)",
                "target-arrow-color": "data(colour)",
                "target-arrow-shape": "triangle",
                "curve-style": "bezier",
                label: "data(relation)",
                "font-size": 8,
                "text-rotation": "autorotate",
                color: "#444",
              },
            },
          ],
        });
        cy.on("tap", "node", (e) => {
          window.location.href = "/doc?id=" + encodeURIComponent(e.target.id());
        });
        filter();
        box.dataset.ready = String(cy.nodes().length);
      });
  }

  document.querySelectorAll("input.relation, #type, #from, #to").forEach((i) =>
    i.addEventListener("change", filter)
  );
  document.getElementById("depth").addEventListener("change", load);
  load();
})();
