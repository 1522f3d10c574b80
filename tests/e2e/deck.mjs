// The deck's slides in order, by key: one list for every test that counts or
// walks them, so a new slide is named here once.
export const DECK_SLIDES = ['summary', 'investment', 'risk', 'reward', 'balance', 'alignment', 'targets', 'commitments', 'plan'];
export const DECK_TOTAL = DECK_SLIDES.length;
