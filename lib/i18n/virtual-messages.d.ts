// The modules `plugin.ts` serves: one surface's messages in every language.
declare module 'virtual:hled-messages/card' {
  const messages: import('./lookup').Messages<import('./keys').KeysOf<'card'>>;
  export default messages;
}
declare module 'virtual:hled-messages/page' {
  const messages: import('./lookup').Messages<import('./keys').KeysOf<'page'>>;
  export default messages;
}
declare module 'virtual:hled-messages/popup' {
  const messages: import('./lookup').Messages<import('./keys').KeysOf<'popup'>>;
  export default messages;
}
declare module 'virtual:hled-messages/reader' {
  const messages: import('./lookup').Messages<import('./keys').KeysOf<'reader'>>;
  export default messages;
}
declare module 'virtual:hled-messages/options' {
  const messages: import('./lookup').Messages<import('./keys').KeysOf<'options'>>;
  export default messages;
}
declare module 'virtual:hled-messages/welcome' {
  const messages: import('./lookup').Messages<import('./keys').KeysOf<'welcome'>>;
  export default messages;
}
