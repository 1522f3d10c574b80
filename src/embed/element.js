// The <partner-scorecard> class. Rust cannot declare a class that calls super(),
// so this thin shell forwards every lifecycle callback to the Rust widget.
const OBSERVED = ['src', 'partner', 'period', 'locale', 'currency', 'theme',
  'credentials', 'timeout', 'refresh', 'view', 'exports', 'max-bytes'];

export function define_element(name, connect) {
  if (customElements.get(name)) return;
  class PartnerScorecard extends HTMLElement {
    static get observedAttributes() { return OBSERVED; }

    constructor() {
      super();
      this._widget = null;
      this._data = undefined;
      this._token = undefined;
      this._plan = undefined;
      this.attachShadow({ mode: 'open' });
      // Frameworks may set properties before the element is defined: those land
      // as own properties that shadow our accessors. Take them over.
      for (const prop of ['data', 'token', 'plan']) {
        if (Object.prototype.hasOwnProperty.call(this, prop)) {
          const value = this[prop];
          delete this[prop];
          this[prop] = value;
        }
      }
    }

    connectedCallback() {
      if (!this._widget) {
        this._widget = connect(this, this.shadowRoot, this._data, this._token);
        if (this._plan !== undefined) this._widget.set_plan(this._plan);
      }
    }

    disconnectedCallback() {
      // Unmount and abort the request; a later re-insert mounts afresh.
      if (this._widget) { this._widget.free(); this._widget = null; }
    }

    attributeChangedCallback(attr, before, after) {
      if (this._widget && before !== after) this._widget.set_attr(attr, after);
    }

    get data() { return this._data; }
    set data(value) {
      this._data = value;
      if (this._widget) this._widget.set_data(value);
    }

    // The token is kept in memory only: never reflected to an attribute or storage.
    get token() { return this._token === undefined ? undefined : '••••'; }
    set token(value) {
      this._token = value == null ? undefined : String(value);
      if (this._widget) this._widget.set_token(this._token);
    }

    // A saved plan (partner-scorecard-plan/v1, an object or its JSON text).
    // The getter gives the plan on screen, as an object.
    get plan() {
      const json = this._widget ? this._widget.plan_json() : undefined;
      return json === undefined ? this._plan : JSON.parse(json);
    }
    set plan(value) {
      this._plan = value;
      if (this._widget) this._widget.set_plan(value);
    }

    /// Fetch the data again now (same as the Retry button).
    reload() { if (this._widget) this._widget.reload(); }
  }
  customElements.define(name, PartnerScorecard);
}

export function sleep(ms, signal) {
  return new Promise((resolve) => {
    const id = setTimeout(resolve, ms);
    if (signal) signal.addEventListener('abort', () => { clearTimeout(id); resolve(); }, { once: true });
  });
}
