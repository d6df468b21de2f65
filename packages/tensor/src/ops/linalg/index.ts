// Public ops of the linalg group; each op lives in its own file.
export {};
