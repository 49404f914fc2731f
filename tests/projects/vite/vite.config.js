// A user's Vite app, served from a sub-path (the `base` that broke
// jieba-wasm's wasm URL), with the worker bundled as an ES module.
export default {
  base: '/app/',
  worker: { format: 'es' },
  build: { outDir: 'dist', emptyOutDir: true },
};
