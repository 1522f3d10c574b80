// What the page around the element offers the views, where Rust reaches it
// more simply from JS: full screen, the printed handout, and stylesheets in a
// shadow root. One file, so the first paint fetches one snippet for all of it.

// Full screen's state as this module saw it. WebKit fires fullscreenchange at
// the next rendering update: on a busy page, or with an Esc right after
// Present, full screen is entered and left before that, both events then
// arrive with no fullscreenElement, and "was full, now not" never holds. So
// the granted requests are remembered here (`entered`), and so are the
// requests still unanswered when the deck closed (`unwanted`), whose grant
// would otherwise put the closed deck's element in full screen.
const pending = new WeakSet();
const entered = new WeakSet();
const unwanted = new WeakSet();

// The Fullscreen API returns a promise that rejects where full screen is not
// allowed (an iframe without allow="fullscreen", no user gesture): an
// unhandled rejection would reach the host's console, so answer a boolean.
export function enter_fullscreen(el) {
  if (!el.requestFullscreen) return Promise.resolve(false);
  unwanted.delete(el);
  try {
    pending.add(el);
    return el.requestFullscreen({ navigationUI: 'hide' }).then(() => {
      pending.delete(el);
      if (unwanted.has(el)) {
        unwanted.delete(el);
        exit_fullscreen(el);
        return false;
      }
      if (document.fullscreenElement === el) entered.add(el);
      return true;
    }, () => {
      pending.delete(el);
      unwanted.delete(el);
      return false;
    });
  } catch (_) {
    pending.delete(el);
    return Promise.resolve(false);
  }
}

// Whether `el` was granted full screen and has left it since; true once.
export function left_fullscreen(el) {
  if (!entered.has(el) || document.fullscreenElement === el) return false;
  entered.delete(el);
  return true;
}

export function exit_fullscreen(el) {
  if (pending.has(el)) unwanted.add(el);
  entered.delete(el);
  if (document.fullscreenElement === el && document.exitFullscreen) {
    document.exitFullscreen().catch(() => {});
  }
}

export function is_fullscreen(el) {
  return document.fullscreenElement === el;
}

// The handout is printed from inside a shadow root, so the host page must step
// aside: everything off the path from <body> to this element is hidden, and the
// elements on the path lose the boxes (fixed heights, overflow, transforms)
// that would cut the handout to one page. Constructable sheets pass a strict CSP.
const PRINT_CSS = `
@page { size: landscape; margin: 10mm; }
@media print {
  html, body { background: #fff !important; }
  body *:not([data-ps-print-path]):not([data-ps-printing]) { display: none !important; }
  [data-ps-print-path], [data-ps-printing] {
    display: block !important; position: static !important; overflow: visible !important;
    width: auto !important; height: auto !important; min-height: 0 !important;
    max-width: none !important; max-height: none !important; margin: 0 !important;
    padding: 0 !important; border: 0 !important; transform: none !important;
    box-shadow: none !important; background: none !important; float: none !important;
  }
}`;

// Returns a function that undoes everything; `done` runs once after printing.
// Printing leaves full screen (see below); the deck then covers the window.
// `dialog` false: the browser is printing already (Ctrl+P), only prepare the page.
export function print_handout(host, done, dialog) {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(PRINT_CSS);
  const marked = [];
  for (let n = host.parentElement ?? host.getRootNode().host; n && n !== document.documentElement;
    n = n.parentElement ?? n.getRootNode().host) {
    n.setAttribute('data-ps-print-path', '');
    marked.push(n);
  }
  host.setAttribute('data-ps-printing', '');
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    window.removeEventListener('afterprint', finish);
    for (const n of marked) n.removeAttribute('data-ps-print-path');
    host.removeAttribute('data-ps-printing');
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    done();
  };
  window.addEventListener('afterprint', finish);
  if (!dialog) return finish;
  const go = () => {
    if (!finished) window.print();
  };
  // The browser's own full-screen styles (position: fixed, height: 100%, all
  // !important) would print one page only: leave full screen first.
  if (document.fullscreenElement === host && document.exitFullscreen) {
    document.exitFullscreen().then(go, go);
  } else {
    go();
  }
  return finish;
}

// Stylesheets go into a shadow root as constructable sheets, which pass a
// strict CSP without 'unsafe-inline'.

export function adopt_styles(shadow, css) {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  shadow.adoptedStyleSheets = [sheet];
}

// One sheet per text, shared by every widget; a root that has it is left alone.
const extraSheets = new Map();
export function adopt_more_styles(shadow, css) {
  let sheet = extraSheets.get(css);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    extraSheets.set(css, sheet);
  }
  if (!shadow.adoptedStyleSheets.includes(sheet)) shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
}
