/**
 * The browser build's entry (built by web/build.mjs into dist/web/ctar-web.js, docs/browser.md):
 * installs the page's local answers first (local.ts), then runs the explorer's own page script,
 * which finds them and never calls a server.
 */
import "./local.js";
import "../assets/explore/app.js";
