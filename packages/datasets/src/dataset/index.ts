// Public exports of this group; each export lives in its own file.
export {};
