export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  main() {
    document.documentElement.setAttribute('data-hled-lens', 'ready');
  },
});
