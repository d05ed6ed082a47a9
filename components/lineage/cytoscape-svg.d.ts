// cytoscape-svg 0.4 ships no types. Registering it adds `cy.svg(options)` (declared in
// export-graph.ts), which returns the graph as an SVG document string.
declare module "cytoscape-svg" {
  import type { Ext } from "cytoscape";
  const extension: Ext;
  export default extension;
}
