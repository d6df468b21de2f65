// Public ops of the elementwise group; each op lives in its own file.
export {};
