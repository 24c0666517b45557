// The error index pages (`docs/<crate>.html`) in headless Chromium, over
// file://: every anchor of the crate's Markdown reference scrolls its
// entry into view, search finds a code by number, by name and by a word
// of its text, the page is whole without JavaScript, logs no console
// error, and axe-core finds no violation in light or dark. On a page with
// sections, each entry's sections lead to the section's list of codes and
// back, and the filter by section shows exactly the codes a section lists.
// A page in another locale (`<crate>.<tag>.html`) has the anchors of its
// Markdown page (`<crate>.<tag>.md`); on a page with languages, each link
// switches to the page of its language, with and without JavaScript, and
// every `lang` on it names a declared locale. With
// `--timing PAGE`, it prints how long a search takes on that page (no
// assertion on time). Screenshots go to target/index-page/.
//
// usage: node .ci/index_page.mjs NODE_MODULES [--timing PAGE] PAGE...

import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const args = process.argv.slice(2);
const modules = path.resolve(args.shift());
let timingPage = null;
const pages = [];
while (args.length > 0) {
  const arg = args.shift();
  if (arg === "--timing") timingPage = args.shift();
  else pages.push(arg);
}
const require = createRequire(path.join(modules, "noop.js"));
const { chromium } = require("playwright-core");
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const shots = path.resolve("target/index-page");
fs.mkdirSync(shots, { recursive: true });

// Each page's failures, by page, printed when its checks end.
let failures = 0;
const failuresOf = new Map();
const fail = (page, message) => {
  failures += 1;
  failuresOf.get(page).push(`FAIL ${page}: ${message}`);
};

/// The Markdown with a page's anchors: the crate's reference beside the default's page
/// (`<out>/docs/<crate>.html` -> `<out>/<crate>/src/reference.md`), or the locale's
/// Markdown page beside another locale's (`<crate>.<tag>.html` -> `<crate>.<tag>.md`).
function referenceOf(page) {
  const name = path.basename(page, ".html");
  const localized = path.join(path.dirname(page), `${name}.md`);
  if (name.includes(".") && fs.existsSync(localized)) return localized;
  return path.join(path.dirname(path.dirname(page)), name, "src", "reference.md");
}

/// How long any one wait may take (a page's load, a navigation, a wait for
/// a condition) before the check fails: Playwright's 30 s is too short on
/// a machine busy with builds, which CI runs these checks beside, and
/// what is checked is what a page shows, not how soon.
const patience = 10 * 60 * 1000;

/// A browser context whose waits have that patience.
async function newContext(browser, options) {
  const context = await browser.newContext(options);
  context.setDefaultTimeout(patience);
  context.setDefaultNavigationTimeout(patience);
  return context;
}

/// Opens `file` in a new page, recording console errors and uncaught exceptions.
async function open(context, file, errors) {
  const page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(String(error)));
  await page.goto(pathToFileURL(path.resolve(file)).href);
  return page;
}

/// Whether the entry `id` is shown (not hidden by search) and on screen.
async function inView(page, id) {
  return page.evaluate(async (id) => {
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    const entry = document.getElementById(id);
    if (!entry || entry.closest("[hidden]")) return false;
    const box = entry.getBoundingClientRect();
    return box.top >= -1 && box.top < innerHeight && box.height > 0;
  }, id);
}

/// Every anchor of the Markdown reference is on the page, and scrolls its
/// entry into view: each one on a page of up to 400 anchors, and 400 spread
/// evenly over a larger one (the first and the last among them), since
/// each scroll lays out the whole page again.
async function checkAnchors(page, file) {
  const markdown = fs.readFileSync(referenceOf(file), "utf8");
  const anchors = [...markdown.matchAll(/<a id="([^"]+)"><\/a>/g)].map((match) => match[1]);
  if (anchors.length === 0) fail(file, "the reference has no anchors");
  const missing = await page.evaluate((ids) => ids.filter((id) => !document.getElementById(id)), anchors);
  for (const anchor of missing) fail(file, `#${anchor} is not on the page`);
  const step = Math.max(1, Math.ceil(anchors.length / 400));
  const scrolled = anchors.filter((_, i) => i % step === 0 || i === anchors.length - 1);
  for (const anchor of scrolled) {
    await page.evaluate((anchor) => { location.hash = anchor; }, anchor);
    if (!(await inView(page, anchor))) fail(file, `#${anchor} does not show its entry`);
  }
  // A link followed from elsewhere: the page opened at the last anchor.
  const last = anchors[anchors.length - 1];
  await page.goto(`${pathToFileURL(path.resolve(file)).href}#${last}`);
  if (!(await inView(page, last))) fail(file, `opening the page at #${last} does not show its entry`);
  return anchors.length;
}

/// Types `query` into the search and waits until every entry shows as it
/// should (the page updates the entries below the first screen after it).
async function searchFor(page, query) {
  await page.fill("#q", query);
  await page.waitForFunction(() => {
    const shown = document.querySelectorAll("main article:not([hidden])").length;
    const all = document.querySelectorAll("main article").length;
    const status = document.getElementById("found").textContent;
    return status === "" ? shown === all : status.startsWith(`${shown} of ${all} `);
  });
}

/// Search finds an entry by its code, its name and a word of its text.
async function checkSearch(page, file) {
  const entry = await page.evaluate(() => {
    const article = document.querySelector("main article:not(.alias):not(.retired)");
    const heading = article.querySelector("h3").firstChild.nextSibling.textContent.trim();
    const text = article.querySelector("p").textContent;
    const word = text.split(/[^\p{L}\p{N}]+/u).sort((a, b) => b.length - a.length)[0];
    return { id: article.id, code: article.querySelector("h3 a").textContent, name: heading, word };
  });
  const total = await page.locator("main article").count();
  for (const [how, query] of [["code", entry.code], ["name", entry.name], ["word", entry.word]]) {
    await searchFor(page, query);
    const hidden = await page.evaluate((id) => document.getElementById(id).closest("[hidden]") !== null, entry.id);
    if (hidden) fail(file, `searching by ${how} (${JSON.stringify(query)}) hides ${entry.id}`);
  }
  await searchFor(page, "no entry has this text 0x7f3a");
  if ((await page.locator("main article:not([hidden])").count()) !== 0) fail(file, "a search for nothing shows entries");
  await searchFor(page, "");
  if ((await page.locator("main article:not([hidden])").count()) !== total) fail(file, "emptying the search hides entries");
}

/// Sections: every code a section lists links to an entry that names the
/// section, and choosing the section in the filter shows those entries and
/// no other (with a search, those of them that match it).
async function checkSections(page, file) {
  const sections = await page.evaluate(() =>
    [...document.querySelectorAll("#in-section option")].map((option) => option.value).filter(Boolean).map((id) => {
      const heading = document.getElementById(`section-${id}`);
      const list = heading && heading.nextElementSibling.nextElementSibling;
      const links = list ? [...list.querySelectorAll("a")] : [];
      const codes = links.map((a) => a.getAttribute("href").slice(1));
      const named = codes.filter((code) => {
        const entry = document.getElementById(code);
        return entry && entry.querySelector(`dt a[href="#section-${id}"]`) && entry.dataset.sections.split(" ").includes(id);
      });
      return { id, found: heading !== null, codes, named, first: links.length ? links[0].textContent : "" };
    }));
  for (const section of sections) {
    if (!section.found) { fail(file, `no #section-${section.id}`); continue; }
    // A partial locale's page lists only the codes it translates: a section may have none there.
    if (section.codes.length === 0 && !path.basename(file, ".html").includes(".")) fail(file, `section ${section.id} lists no code`);
    for (const code of section.codes.filter((code) => !section.named.includes(code))) {
      fail(file, `#${code}, listed in section ${section.id}, does not name it`);
    }
    await page.selectOption("#in-section", section.id);
    await searchFor(page, "");
    await page.waitForFunction(() => document.getElementById("found").textContent !== "");
    const shown = await page.evaluate(() => [...document.querySelectorAll("main article:not([hidden])")].map((e) => e.id));
    if (shown.join(" ") !== section.codes.join(" ")) {
      fail(file, `the filter by ${section.id} shows ${shown.join(" ")}, not ${section.codes.join(" ")}`);
    }
    // With a search for its first code, the filter keeps its section's codes only.
    await searchFor(page, section.first);
    const narrowed = await page.evaluate(() => [...document.querySelectorAll("main article:not([hidden])")].map((e) => e.id));
    if (!narrowed.includes(section.codes[0]) || narrowed.some((id) => !section.codes.includes(id))) {
      fail(file, `searching ${section.first} in ${section.id} shows ${narrowed.join(" ")}`);
    }
  }
  if (sections.length > 0) {
    await page.selectOption("#in-section", "");
    await searchFor(page, "");
    const total = await page.locator("main article").count();
    if ((await page.locator("main article:not([hidden])").count()) !== total) fail(file, "every section again hides entries");
  }
  return sections.length;
}

/// The language links: each leads to its language's page, which names
/// itself the current one; every `lang` on the page is a declared locale;
/// with JavaScript, a link keeps the entry the reader is at. The default's
/// page tries every link, another locale's the default's and the next
/// locale's, so that every link of every page is not loaded again for each.
async function checkLanguages(context, file, javaScript) {
  const page = await context.newPage();
  await page.goto(pathToFileURL(path.resolve(file)).href);
  const links = await page.evaluate(() =>
    [...document.querySelectorAll('nav[aria-label="Languages"] a[hreflang]')].map((a) => a.getAttribute("hreflang")));
  if (links.length === 0) { await page.close(); return 0; }
  const current = await page.locator('nav[aria-label="Languages"] [aria-current="page"]').textContent();
  const order = await page.evaluate(() =>
    [...document.querySelectorAll('nav[aria-label="Languages"] [lang]')].map((e) => e.getAttribute("lang")));
  const declared = [current, ...links];
  const next = order[(order.indexOf(current) + 1) % order.length];
  const tried = order[0] === current ? links : links.filter((tag) => tag === order[0] || tag === next);
  const langs = await page.evaluate(() => [...new Set([...document.querySelectorAll("[lang]")].map((e) => e.lang))]);
  for (const lang of langs.filter((lang) => !declared.includes(lang))) fail(file, `lang="${lang}" is no declared locale`);
  for (const tag of tried) {
    const start = pathToFileURL(path.resolve(file)).href;
    await page.goto(start);
    const first = await page.evaluate(() => document.querySelector("main article")?.id);
    if (first && javaScript) await page.evaluate((id) => { location.hash = id; }, first);
    await Promise.all([page.waitForNavigation(), page.click(`nav[aria-label="Languages"] a[hreflang="${tag}"]`)]);
    const now = await page.locator('nav[aria-label="Languages"] [aria-current="page"]').textContent();
    if (now !== tag) fail(file, `the ${tag} link leads to the ${now} page`);
    const back = await page.locator(`nav[aria-label="Languages"] a[hreflang="${current}"]`).count();
    if (back !== 1) fail(file, `the ${tag} page does not link back to ${current}`);
    if (first && javaScript && new URL(page.url()).hash !== `#${first}` && (await page.locator(`[id="${first}"]`).count()) > 0) {
      fail(file, `switching to ${tag} at #${first} loses the entry (${page.url()})`);
    }
  }
  await page.close();
  return tried.length;
}

/// axe-core's checks, every rule it runs by default, in one colour scheme.
async function checkAxe(page, file, scheme) {
  await page.emulateMedia({ colorScheme: scheme });
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(() => window.axe.run(document));
  for (const violation of result.violations) {
    const where = violation.nodes.slice(0, 3).map((node) => node.target.join(" ")).join(", ");
    fail(file, `axe (${scheme}): ${violation.id}: ${violation.help} at ${where}`);
  }
}

/// Without JavaScript the page shows every entry, and no search form.
async function checkWithoutScript(browser, file) {
  const context = await newContext(browser, { javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(pathToFileURL(path.resolve(file)).href);
  const hidden = await page.locator("main article[hidden], main section[hidden]").count();
  if (hidden !== 0) fail(file, `without JavaScript, ${hidden} entries are hidden`);
  if (await page.isVisible("#search")) fail(file, "without JavaScript, the search form shows");
  await checkLanguages(context, file, false);
  await context.close();
}

/// Milliseconds for a search on `file`: the filtering, until the next
/// frame (which shows the first screen of results), and until every entry
/// below it is updated too.
async function timing(browser, file) {
  const context = await newContext(browser, {});
  const page = await open(context, file, []);
  const entries = await page.locator("main article").count();
  const samples = await page.evaluate(async () => {
    const input = document.getElementById("q");
    const all = document.querySelectorAll("main article");
    const frame = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
    const settled = () => {
      const shown = document.querySelectorAll("main article:not([hidden])").length;
      const status = document.getElementById("found").textContent;
      return status === "" ? shown === all.length : status.startsWith(`${shown} of `);
    };
    const codes = [...document.querySelectorAll("main article h3 a")].map((a) => a.textContent);
    const queries = [codes[Math.floor(codes.length / 2)], "token", "the", "xyzzy", "", codes[7], "expired", ""];
    const results = [];
    for (let round = 0; round < 3; round++) {
      for (const query of queries) {
        const start = performance.now();
        input.value = query;
        input.dispatchEvent(new Event("input"));
        const filtered = performance.now();
        await frame();
        const first = performance.now();
        while (!settled()) await frame();
        results.push({ filter: filtered - start, frame: first - start, all: performance.now() - start });
      }
    }
    return results;
  });
  const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const worst = (values) => Math.max(...values);
  console.log(`search on ${file} (${entries} entries, ${fs.statSync(file).size} bytes), ms over ${samples.length} searches:`);
  for (const [what, key] of [["filtering", "filter"], ["to the next frame", "frame"], ["until every entry is updated", "all"]]) {
    const values = samples.map((sample) => sample[key]);
    console.log(`  ${what}: median ${median(values).toFixed(1)}, worst ${worst(values).toFixed(1)}`);
  }
  await context.close();
}

/// Every check of one page, in a context of its own; the lines to print.
async function checkPage(browser, file) {
  const lines = [];
  failuresOf.set(file, lines);
  const errors = [];
  const context = await newContext(browser, { viewport: { width: 1000, height: 800 } });
  const page = await open(context, file, errors);
  const anchors = await checkAnchors(page, file);
  await checkSearch(page, file);
  const sections = await checkSections(page, file);
  const languages = await checkLanguages(context, file, true);
  const name = path.basename(file, ".html");
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(shots, `${name}-light.png`) });
  await checkAxe(page, file, "light");
  await checkAxe(page, file, "dark");
  await page.screenshot({ path: path.join(shots, `${name}-dark.png`) });
  await page.setViewportSize({ width: 375, height: 700 });
  await page.screenshot({ path: path.join(shots, `${name}-phone.png`) });
  for (const error of errors) fail(file, `console: ${error}`);
  await context.close();
  await checkWithoutScript(browser, file);
  const filtered = (sections > 0 ? `, ${sections} sections filtered` : "") + (languages > 0 ? `, ${languages} language links followed` : "");
  if (lines.length === 0) lines.push(`ok ${file}: ${anchors} anchors, search${filtered}, axe (light and dark), without JavaScript`);
  return lines;
}

const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"], timeout: patience });
// Two pages at a time, on the machine's two cores (a page's renderer is
// one process), the largest first; each page's lines print in the order
// of the arguments.
const results = pages.map(() => null);
const order = pages.map((_, i) => i).sort((a, b) => fs.statSync(pages[b]).size - fs.statSync(pages[a]).size);
let printed = 0;
const worker = async () => {
  while (order.length > 0) {
    const i = order.shift();
    results[i] = await checkPage(browser, pages[i]);
    for (; printed < pages.length && results[printed] !== null; printed++) {
      for (const line of results[printed]) (line.startsWith("FAIL") ? console.error : console.log)(line);
    }
  }
};
await Promise.all([worker(), worker()]);
if (timingPage) await timing(browser, timingPage);
await browser.close();
if (failures > 0) {
  console.error(`${failures} failure(s)`);
  process.exit(1);
}
