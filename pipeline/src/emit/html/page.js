// The error index page's script: search and copy-link buttons, on a page
// that is complete without it. The emitter drops these comment lines and
// each line's indentation, the lines ending in `// sections` on a page
// without sections and those ending in `// locales` on one without other
// locales (and those markers on the others).
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  const form = $("search"), input = $("q"), found = $("found");
  const pick = $("in-section"); // sections
  const entries = [...document.querySelectorAll("main article")];
  const sections = [...document.querySelectorAll("main > section")];
  // Each entry's text in lower case, read once: a search only compares.
  const index = entries.map((e) => e.textContent.toLowerCase());
  // The filter by section is one more word of the search, one no one types.
  const inSection = (id) => `\u0001${id}\u0001`; // sections
  entries.forEach((e, i) => { for (const id of (e.dataset.sections || "").split(" ").filter(Boolean)) index[i] += inSection(id); }); // sections
  const shown = entries.map(() => true);
  const home = entries.map((e) => sections.indexOf(e.parentElement));
  const total = sections.map((_, s) => home.filter((h) => h === s).length);
  const visible = total.slice();
  let last = "", pass = 0;
  const show = (i, match) => {
    if (match === shown[i]) return;
    shown[i] = match;
    entries[i].hidden = !match;
    visible[home[i]] += match ? 1 : -1;
  };
  // A section is hidden when the search hides all its entries.
  const fold = () => sections.forEach((s, at) => { s.hidden = total[at] > 0 && visible[at] === 0; });
  // The entries down to the 50th match change at once, so the screen is
  // right in the next frame; the rest follow, 500 a frame, unless `now`.
  const search = (query, now) => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    if (pick.value) words.push(inSection(pick.value)); // sections
    if (words.join(" ") === last && !now) return;
    last = words.join(" ");
    const match = index.map((text) => words.every((w) => text.includes(w)));
    const count = match.filter(Boolean).length;
    found.textContent = words.length ? `${count} of ${entries.length} entries match.` : "";
    const current = ++pass;
    let i = 0;
    for (let seen = 0; i < entries.length && (seen < 50 || now); i++) {
      seen += match[i];
      show(i, match[i]);
    }
    fold();
    const rest = () => {
      if (current !== pass) return;
      for (const end = Math.min(i + 500, entries.length); i < end; i++) show(i, match[i]);
      fold();
      if (i < entries.length) requestAnimationFrame(rest);
    };
    if (i < entries.length) requestAnimationFrame(rest);
  };
  input.addEventListener("input", () => search(input.value));
  pick.addEventListener("change", () => search(input.value)); // sections
  form.addEventListener("submit", (e) => e.preventDefault());
  // A link to an entry the search hides shows every entry again.
  addEventListener("hashchange", () => {
    const target = $(decodeURIComponent(location.hash.slice(1)));
    if (target && target.closest("[hidden]")) pick.value = ""; // sections
    if (target && target.closest("[hidden]")) { input.value = ""; search("", true); target.scrollIntoView(); }
  });
  for (const entry of entries) {
    const button = document.createElement("button");
    button.className = "copy";
    button.textContent = "Copy link";
    button.setAttribute("aria-label", `Copy link to ${entry.querySelector("h3 a").textContent}`);
    entry.querySelector("h3").after(button);
  }
  document.querySelector("main").addEventListener("click", (e) => {
    const button = e.target.closest(".copy");
    if (!button) return;
    const id = button.parentElement.id;
    const jump = () => { location.hash = id; };
    const done = () => { button.textContent = "Copied"; setTimeout(() => { button.textContent = "Copy link"; }, 1500); };
    const url = `${location.href.split("#")[0]}#${id}`;
    navigator.clipboard ? navigator.clipboard.writeText(url).then(done, jump) : jump();
  });
  // A link to another language's page keeps the entry the reader is at.
  for (const link of document.querySelectorAll("a[hreflang]")) link.addEventListener("click", () => { link.hash = location.hash; }); // locales
  form.hidden = false;
  if (input.value) search(input.value);
  if (pick.value) search(input.value, true); // sections
})();
