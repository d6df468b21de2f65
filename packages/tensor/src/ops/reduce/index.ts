// Public ops of the reduce group; each op lives in its own file.
export {};
