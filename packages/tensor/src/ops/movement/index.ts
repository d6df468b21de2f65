// Public ops of the movement group; each op lives in its own file.
export {};
