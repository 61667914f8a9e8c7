declare module 'virtual:fanzha-knowledge' {
  const data: import('./lib/types.js').WebKnowledge;
  export default data;
}
