// The query page of `kg serve`: YASGUI (vendored, see assets/LICENSE) pointed at this server's own
// endpoint, the named queries as ready tabs and the project's prefixes preset. Nothing here asks
// another host: the page's Content-Security-Policy allows requests to this origin only, and the
// autocompleters that would ask an outside service (LOV classes and properties) are left off.
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("kg-config").textContent);
  var endpoint = new URL(config.endpoint, window.location.href).href;
  document.getElementById("kg-endpoint").textContent = endpoint;

  var Yasgui = window.Yasgui;
  Yasgui.Yasqe.defaults.autocompleters = ["variables", "prefixes"];
  Yasgui.Yasqe.defaults.prefixCcApi = null; // the bundled prefix list, not prefix.cc
  Yasgui.Yasqe.defaults.value = config.defaultQuery;
  Yasgui.Yasqe.defaults.createShortLink = undefined;
  Yasgui.defaults.endpointCatalogueOptions.getData = function () {
    return [{ endpoint: endpoint }];
  };

  var yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    autoAddOnInit: false,
    populateFromUrl: false,
    // one saved set of tabs per set of named queries: new queries give fresh tabs
    persistenceId: "chanye-kg-" + config.version,
    tabName: "SPARQL",
    yasqe: { autocompleters: ["variables", "prefixes"] },
  });
  if (Object.keys(yasgui._tabs).length === 0) {
    config.tabs.forEach(function (tab, i) {
      yasgui.addTab(i === 0, {
        name: tab.name,
        yasqe: { value: tab.query },
        requestConfig: { endpoint: endpoint, method: "POST" },
      });
    });
  }
  window.kgYasgui = yasgui; // for the browser console (and the tests)
})();
