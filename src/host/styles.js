// Stylesheets adopted into a shadow root as constructable sheets, which pass
// a strict CSP without 'unsafe-inline'.

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
