// Quill's core CSS, bundled into the editor bundle as text (scripts/build.mjs: loader "text" for .css there)
declare module 'quill/dist/quill.core.css' {
  const css: string;
  export default css;
}
